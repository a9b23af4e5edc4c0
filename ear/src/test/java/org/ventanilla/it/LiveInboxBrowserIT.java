package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Two agents at once: the inbox and the ticket follow what happens without a reload. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class LiveInboxBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  @DisplayName(
      "a new ticket appears in an open inbox, and two agents on it see each other view and write")
  void liveInboxAndCollision() throws Exception {
    // Arrange: a second agent, and the admin's inbox already open.
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String password = "Agente-Secreta-1";
    var agent =
        Api.asAdmin()
            .post(
                "agents",
                """
                {"username":"ana-%s","displayName":"Ana %s","email":"ana-%s@example.com",
                 "role":"agent","password":"%s"}"""
                    .formatted(suffix, suffix, suffix, password));
    assertEquals(201, agent.status(), agent::toString);

    String shortcut = "saludo-" + suffix;

    try (Browser admin = Browser.open("es")) {
      admin.signIn(Api.ADMIN, Api.adminPassword());
      // A shared canned response, written by the admin on the canned-responses page.
      admin.inAgentMenu("nav-templates").click();
      admin.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("canned-form:name")));
      admin.driver.findElement(By.id("canned-form:name")).sendKeys("Saludo");
      admin.driver.findElement(By.id("canned-form:shortcut")).sendKeys(shortcut);
      admin
          .driver
          .findElement(By.id("canned-form:body"))
          .sendKeys(
              "Hola {{customer.name}}, soy {{agent.name}} y reviso el ticket #{{ticket.number}}.");
      admin.driver.findElement(By.cssSelector("[id='canned-form:shared'] .ui-chkbox-box")).click();
      admin.driver.findElement(By.id("canned-form:save")).click();
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("canned-list:responses"), "/" + shortcut));
      admin.screenshot("canned-responses-es");
      var listed = Api.asAdmin().get("canned-responses");
      assertEquals(200, listed.status(), listed::toString);
      assertTrue(listed.body().contains("\"shortcut\":\"" + shortcut + "\""), listed::toString);

      admin.driver.findElement(By.id("nav-inbox")).click();
      admin.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:tickets")));

      // Act: a ticket arrives through the API while the page stays open.
      String subject = "Factura " + suffix;
      var created =
          Api.asAdmin()
              .post(
                  "tickets",
                  """
                  {"channel":"email","subject":"%s","text":"Me habéis cobrado dos veces.",
                   "customer":{"name":"Aaron Ruiz","email":"aaron-%s@example.com"}}"""
                      .formatted(subject, suffix));
      assertEquals(201, created.status(), created::toString);

      // Assert: it appears without a reload.
      admin.wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText(subject)));
      assertEquals(
          "1",
          admin.driver.findElement(unreadCountOf(subject)).getText(),
          "the customer's message is unread for the admin");
      // Sorting is done by the database; the row stays reachable (the name sorts first, whatever
      // other tests left in the shared database).
      admin.driver.findElement(By.xpath("//th[contains(normalize-space(),'Cliente')]")).click();
      admin.wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText(subject)));
      admin.screenshot("inbox-es");
      long ticketId = created.object().getJsonNumber("id").longValue();

      try (Browser ana = Browser.open("es")) {
        ana.signIn("ana-" + suffix, password);
        ana.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
        ana.driver.get(Api.baseUrl() + "ticket.xhtml?id=" + ticketId);
        admin.driver.findElement(By.linkText(subject)).click();

        // Both on the ticket: each sees the other.
        admin.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:presence"), "Ana " + suffix + " está viendo"));
        ana.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:presence"), "Administrator está viendo"));

        // Ana writes: the admin sees it while the admin's own draft stays untouched.
        admin.driver.findElement(By.id("ticket:reply")).sendKeys("Borrador del admin");
        ana.driver.findElement(By.id("ticket:reply")).sendKeys("/" + shortcut);
        ana.driver.findElement(By.id("ticket:reply")).sendKeys(Keys.TAB);
        ana.wait.until(
            ExpectedConditions.attributeContains(
                By.id("ticket:reply"), "value", "Hola Aaron Ruiz, soy Ana " + suffix));
        admin.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:presence"), "Ana " + suffix + " está escribiendo"));
        admin.screenshot("workspace-es");

        // Ana sends with Ctrl+Enter; the admin's timeline shows it, the draft survives.
        ana.driver
            .findElement(By.id("ticket:reply"))
            .sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        admin.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:timeline"), "Hola Aaron Ruiz, soy Ana " + suffix));
        assertEquals(
            "Borrador del admin",
            admin.driver.findElement(By.id("ticket:reply")).getAttribute("value"),
            "a live refresh never touches what the agent is writing");
        admin.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:status-badge"), "En curso"));
        assertTrue(ana.driver.findElement(By.id("ticket:reply")).getAttribute("value").isEmpty());

        // A note from Ana reaches the admin too; then the admin assigns it to her and resolves it.
        ana.driver.findElement(By.id("ticket:note")).sendKeys("Revisar el cobro doble");
        ana.driver.findElement(By.id("ticket:add-note")).click();
        admin.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:timeline"), "Revisar el cobro doble"));
        assignAndResolve(admin, "Ana " + suffix);
        ana.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:status-badge"), "Resuelto"));
        assertEquals(
            "Borrador del admin",
            admin.driver.findElement(By.id("ticket:reply")).getAttribute("value"));

        // The same person wrote on WhatsApp too: the admin merges both customers into one.
        String phone = "+3461" + String.valueOf(System.nanoTime()).substring(0, 7);
        var whatsapp =
            Api.asAdmin()
                .post(
                    "tickets",
                    """
                    {"channel":"whatsapp","subject":"WhatsApp %s","text":"¿Me devolvéis el dinero?",
                     "customer":{"name":"Marta WhatsApp %s","phone":"%s"}}"""
                        .formatted(suffix, suffix, phone));
        assertEquals(201, whatsapp.status(), whatsapp::toString);
        admin.driver.findElement(By.id("ticket:merge-with_input")).sendKeys("WhatsApp " + suffix);
        admin
            .wait
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-autocomplete-item")))
            .click();
        admin.driver.findElement(By.id("ticket:merge")).click();
        admin
            .wait
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")))
            .click();
        admin.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:customer-panel"), "WhatsApp " + suffix));
        assertTrue(
            admin.driver.findElement(By.id("ticket:customer-panel")).getText().contains("aaron-"),
            "both contacts are on the kept customer");
        admin.screenshot("workspace-resolved-es");
      }

      // The resolved view lists it; the interface then switches to English.
      admin.driver.findElement(By.id("nav-inbox")).click();
      admin
          .wait
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath(
                      "//a[contains(@class,'view') and contains(normalize-space(),'Resueltos')]")))
          .click();
      admin.wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText(subject)));
      new Select(admin.inAgentMenu("session:language")).selectByValue("en");
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("nav-inbox"), "Inbox"));
      // The choice is the admin's preference now: back to Spanish for the other tests.
      new Select(admin.inAgentMenu("session:language")).selectByValue("es");
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("nav-inbox"), "Bandeja"));
    }
  }

  /**
   * Sets assignee and status and saves. A live refresh landing between picking and saving renders
   * the sidebar anew with the stored values, so the admin, like a person, tries again.
   */
  private static void assignAndResolve(Browser admin, String assignee) {
    for (int attempt = 1; ; attempt++) {
      try {
        choose(admin, "ticket:assignee", assignee);
        choose(admin, "ticket:status", "Resuelto");
        admin.driver.findElement(By.id("ticket:save")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(
                admin.driver, java.time.Duration.ofSeconds(5))
            .until(
                ExpectedConditions.textToBePresentInElementLocated(
                    By.id("ticket:status-badge"), "Resuelto"));
        return;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 3) {
          throw e;
        }
        admin.driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
      }
    }
  }

  /** Picks an option of a PrimeFaces select menu by its label. */
  private static void choose(Browser browser, String id, String label) {
    browser.driver.findElement(By.id(id)).click();
    browser
        .wait
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[@id='"
                        + id
                        + "_panel']//li[contains(@class,'ui-selectonemenu-item')"
                        + " and normalize-space()='"
                        + label
                        + "']")))
        .click();
  }

  private static By unreadCountOf(String subject) {
    return By.xpath(
        "//a[normalize-space()='" + subject + "']/following-sibling::span[@class='unread-count']");
  }
}
