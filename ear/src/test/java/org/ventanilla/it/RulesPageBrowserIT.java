package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The admin's rules page in a real browser: a rule built as when / if / then rows works. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class RulesPageBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();

  @Test
  @DisplayName(
      "an admin builds 'subject contains factura: tag billing, priority high' with the rows; a new"
          + " ticket gets both, logged as the rule's; the dry run finds it")
  void ruleBuiltWithRowsApplies() throws Exception {
    String token = UUID.randomUUID().toString().substring(0, 8);
    String name = "Facturas " + token;
    String word = "factura" + token;
    Integer ruleId = null;
    try (Browser browser = Browser.open("en")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.driver.get(Api.baseUrl() + "admin/rules.xhtml");
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-edit:name")));
      browser.driver.findElement(By.id("rule-edit:name")).sendKeys(name);
      // The first event is the default (choosing it again re-renders the menu open over the rows).
      assertEquals(
          "A ticket is created",
          browser.driver.findElement(By.id("rule-edit:event_label")).getText());
      browser.choose("rule-edit:if:0:field", "Subject");
      browser.choose("rule-edit:if:0:op", "contains");
      browser.driver.findElement(By.id("rule-edit:if:0:value:text")).sendKeys(word);
      browser.choose("rule-edit:then:0:action", "Add tag");
      browser
          .wait
          .until(
              ExpectedConditions.visibilityOfElementLocated(By.id("rule-edit:then:0:value:text")))
          .sendKeys("billing");
      browser.driver.findElement(By.id("rule-edit:add-action")).click();
      browser.wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.id("rule-edit:then:1:action")));
      browser.choose("rule-edit:then:1:action", "Set priority");
      browser.wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.id("rule-edit:then:1:value:priority")));
      browser.choose("rule-edit:then:1:value:priority", "High");
      browser.driver.findElement(By.id("rule-edit:save")).click();
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("rules:rule-table"), name));
      browser.screenshot("rules-page");

      JsonObject rule =
          admin.get("rules").json().asJsonArray().stream()
              .map(JsonValue::asJsonObject)
              .filter(r -> name.equals(r.getString("name")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("the rule saved from the page is listed"));
      ruleId = rule.getInt("id");
      assertEquals("ticket_created", rule.getJsonObject("when").getString("event"), rule::toString);

      Api.Response created =
          admin.post(
              "tickets",
              """
              {"channel":"email","subject":"Mi %s de marzo","text":"Hola","customer":{"name":"Cliente","email":"r+%s@example.com"}}"""
                  .formatted(word.toUpperCase(java.util.Locale.ROOT), token));
      assertEquals(201, created.status(), created::toString);
      JsonObject ticket = admin.get("tickets/" + created.object().getInt("id")).object();
      assertEquals("high", ticket.getString("priority"), ticket::toString);
      assertTrue(ticket.getJsonArray("tags").toString().contains("billing"), ticket::toString);
      assertEquals(
          2,
          ticket.getJsonArray("events").stream()
              .map(JsonValue::asJsonObject)
              .filter(e -> ("Automation: " + name).equals(e.getString("actor", null)))
              .count(),
          ticket::toString);

      browser.driver.findElement(By.id("rule-edit:dry-run")).click();
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("rule-edit:dry-run-result"), "1 open tickets match now"));
    } finally {
      if (ruleId != null) {
        admin.send("DELETE", "rules/" + ruleId, null, Map.of());
      }
    }
  }
}
