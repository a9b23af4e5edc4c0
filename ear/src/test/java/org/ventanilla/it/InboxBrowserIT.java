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
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An agent's first minutes, in a real browser: sign in, find the ticket, answer it. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class InboxBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  @DisplayName("an agent signs in, sees the new ticket in the inbox, opens it and replies")
  void signInOpenAndReply() throws Exception {
    String subject = "Pedido " + UUID.randomUUID().toString().substring(0, 8);
    var created =
        Api.asAdmin()
            .post(
                "tickets",
                """
                {"channel":"email","subject":"%s","text":"¿Dónde está mi pedido?",
                 "customer":{"name":"Lucía <script>alert(1)</script>","email":"lucia-ui@example.com"}}"""
                    .formatted(subject));
    assertEquals(201, created.status(), created::toString);

    try (Browser browser = Browser.open("es")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());

      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
      assertEquals("admin", browser.driver.findElement(By.id("current-user")).getText());
      assertTrue(browser.driver.getPageSource().contains("Bandeja"), "the UI speaks Spanish");

      browser
          .wait
          .until(ExpectedConditions.visibilityOfElementLocated(By.linkText(subject)))
          .click();

      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:subject"), subject));
      assertTrue(
          browser.driver.getPageSource().contains("Lucía &lt;script&gt;"),
          "a customer's name is shown as text, never run");

      browser
          .driver
          .findElement(By.id("ticket:reply"))
          .sendKeys("Hola Lucía, ya lo estamos mirando.");
      browser.driver.findElement(By.id("ticket:send")).click();

      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("ticket:timeline"), "Hola Lucía, ya lo estamos mirando."));
      assertTrue(
          browser.driver.findElement(By.id("ticket:timeline")).getText().contains("En cola"));
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("ticket:status-badge"), "En curso"));
    }
  }
}
