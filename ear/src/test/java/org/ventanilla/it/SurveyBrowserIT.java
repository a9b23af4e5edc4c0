package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The customer answers the survey on a phone, without signing in. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class SurveyBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  /**
   * Surveys are a desk-wide setting: put back off, so later test classes get no survey messages.
   */
  @AfterAll
  static void surveysOffAgain() {
    Api.asAdmin().send("PUT", "settings/csat", "{\"enabled\":false}", Map.of());
  }

  private final Api admin = Api.asAdmin();

  @Test
  @DisplayName("a customer answers the survey on a 390x844 phone without signing in")
  void answerOnAPhone() throws Exception {
    assertEquals(200, admin.send("PUT", "settings/csat", "{\"enabled\":true}", Map.of()).status());
    try (MailServer mail = MailServer.start()) {
      String mailbox = "phone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      mail.addMailbox(mailbox, "mailbox-secret");
      long channelId =
          admin
              .post(
                  "channels",
                  """
                  {"type":"email","name":"Móvil","address":"%s","pollSeconds":3600,
                   "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"mailbox-secret","folder":"INBOX"},
                   "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                      .formatted(mailbox, mail.imapPort(), mailbox, mail.smtpPort()))
              .object()
              .getJsonNumber("id")
              .longValue();
      String customer = "movil-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
      mail.deliver(
          mailbox,
          "Message-ID: <"
              + UUID.randomUUID()
              + "@client.example.org>\nFrom: <"
              + customer
              + ">\nTo: "
              + mailbox
              + "\nSubject: Cambio de talla\nMIME-Version: 1.0\n"
              + "Content-Type: text/plain; charset=UTF-8\n\nQuiero otra talla.\n");
      long id =
          Eventually.await(
              "the customer's ticket",
              () -> {
                admin.post("channels/" + channelId + "/poll", null);
                JsonArray found =
                    admin.get("customers?q=" + customer).object().getJsonArray("items");
                if (found.isEmpty()) {
                  return Optional.empty();
                }
                JsonArray tickets =
                    admin
                        .get("customers/" + found.getJsonObject(0).getInt("id"))
                        .object()
                        .getJsonArray("tickets");
                return tickets.isEmpty()
                    ? Optional.empty()
                    : Optional.of(tickets.getJsonObject(0).getJsonNumber("id").longValue());
              },
              Duration.ofSeconds(30));
      admin.patch("tickets/" + id, "{\"status\":\"resolved\"}", Map.of());
      MimeMessage[] received = mail.received(customer, 1, Duration.ofSeconds(20));
      Matcher link = CsatIT.LINK.matcher((String) received[0].getContent());
      assertTrue(link.find());

      try (Browser browser = Browser.open("en")) {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.driver.get(Api.baseUrl() + "survey/" + link.group(1));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey")));
        assertEquals("How did we do?", browser.driver.findElement(By.tagName("h1")).getText());
        long width =
            (Long)
                ((JavascriptExecutor) browser.driver)
                    .executeScript("return document.documentElement.scrollWidth;");
        assertTrue(width <= 390, "no sideways scrolling on a phone: " + width);
        browser.driver.findElement(By.xpath("//input[@id='score-5']/..")).click();
        browser.driver.findElement(By.id("comment")).sendKeys("Great help");
        browser.driver.findElement(By.id("send")).click();
        assertEquals(
            "Thank you for your answer!",
            browser
                .wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome")))
                .getText());
        browser.screenshot("survey-phone-answered");
      }
      var csat = admin.get("tickets/" + id).object().getJsonObject("csat");
      assertEquals(5, csat.getInt("score"));
      assertEquals("Great help", csat.getString("comment"));
    }
  }
}
