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

    try (Browser admin = Browser.open("es")) {
      admin.signIn(Api.ADMIN, Api.adminPassword());
      admin.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox:tickets")));

      // Act: a ticket arrives through the API while the page stays open.
      String subject = "Factura " + suffix;
      var created =
          Api.asAdmin()
              .post(
                  "tickets",
                  """
                  {"channel":"email","subject":"%s","text":"Me habéis cobrado dos veces.",
                   "customer":{"name":"Marta Ruiz","email":"marta-%s@example.com"}}"""
                      .formatted(subject, suffix));
      assertEquals(201, created.status(), created::toString);

      // Assert: it appears without a reload.
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
        ana.driver.findElement(By.id("ticket:reply")).sendKeys("Hola Marta, lo reviso");
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
                By.id("ticket:timeline"), "Hola Marta, lo reviso"));
        assertEquals(
            "Borrador del admin",
            admin.driver.findElement(By.id("ticket:reply")).getAttribute("value"),
            "a live refresh never touches what the agent is writing");
        admin.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:status-badge"), "En curso"));
        assertTrue(ana.driver.findElement(By.id("ticket:reply")).getAttribute("value").isEmpty());
      }
    }
  }
}
