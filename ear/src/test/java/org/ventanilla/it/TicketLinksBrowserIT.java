package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The ticket page links a merged ticket to the kept one, and a split ticket to its origin. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class TicketLinksBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();

  private long ticket(String email, String text) {
    Api.Response posted =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"Pedido","text":"%s","customer":{"name":"Eva","email":"%s"}}"""
                .formatted(text, email));
    assertEquals(201, posted.status(), posted::toString);
    return posted.object().getJsonNumber("id").longValue();
  }

  @Test
  @DisplayName("a merged ticket links to the kept one, a split one to the ticket it came from")
  void mergeAndSplitLinks() throws Exception {
    String email = "eva-" + UUID.randomUUID() + "@example.org";
    long kept = ticket(email, "Mi pedido no llega");
    long merged = ticket(email, "Otra vez: el pedido");
    assertEquals(
        200,
        admin.post("tickets/" + merged + "/merge", "{\"into\":" + kept + "}").status(),
        "merge");
    JsonObject details = admin.get("tickets/" + kept).object();
    long lastMessage =
        details.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
            .filter(m -> m.getString("text", "").contains("Otra vez"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    Api.Response split =
        admin.post(
            "tickets/" + kept + "/split",
            "{\"messageId\":" + lastMessage + ",\"following\":false}");
    assertEquals(201, split.status(), split::toString);
    long splitOff = split.object().getJsonNumber("id").longValue();

    String agent = "agent+" + UUID.randomUUID() + "@example.com";
    assertEquals(
        201,
        admin
            .post(
                "agents",
                """
                {"displayName":"Leo","email":"%s","role":"agent","password":"leo-secret-1"}"""
                    .formatted(agent))
            .status());
    try (Browser browser = Browser.open("es")) {
      browser.signIn(agent, "leo-secret-1");
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-inbox")));
      browser.driver.get(Api.baseUrl() + "ticket.xhtml?id=" + merged);
      browser
          .wait
          .until(ExpectedConditions.elementToBeClickable(By.id("ticket:merged-into")))
          .click();
      browser.wait.until(ExpectedConditions.urlContains("id=" + kept));
      assertTrue(browser.driver.getCurrentUrl().endsWith("id=" + kept));

      browser.driver.get(Api.baseUrl() + "ticket.xhtml?id=" + splitOff);
      browser
          .wait
          .until(ExpectedConditions.elementToBeClickable(By.id("ticket:split-from")))
          .click();
      browser.wait.until(ExpectedConditions.urlContains("id=" + kept));
      assertTrue(browser.driver.getCurrentUrl().endsWith("id=" + kept));
      assertEquals(0, browser.driver.findElements(By.id("ticket:merged-into")).size());
    }
  }
}
