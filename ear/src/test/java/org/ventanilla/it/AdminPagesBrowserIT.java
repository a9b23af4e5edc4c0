package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The admin pages in a real browser, in Spanish: managing the team and adding a mailbox. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class AdminPagesBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  @DisplayName(
      "an admin adds an agent through the page, who cannot open the admin pages, then deactivates it")
  void addAgentAndDeactivate() throws Exception {
    String email = "marta-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String password = "Agente-Secreta-1";

    try (Browser admin = Browser.open("es")) {
      admin.signIn(Api.ADMIN, Api.adminPassword());
      admin.inAgentMenu("nav-agents").click();
      admin.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agent-add:add")));

      admin.driver.findElement(By.id("agent-add:display-name")).sendKeys("Marta Ruiz");
      admin.driver.findElement(By.id("agent-add:email")).sendKeys(email);
      admin.driver.findElement(By.id("agent-add:password")).sendKeys("corta");
      admin.driver.findElement(By.id("agent-add:add")).click();
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("feedback"), "al menos 8 caracteres"));
      assertFalse(admin.driver.getPageSource().contains(email + "</td>"), "not added");

      admin.driver.findElement(By.id("agent-add:password")).sendKeys(password);
      admin.driver.findElement(By.id("agent-add:add")).click();
      By row = rowOf(email);
      admin.wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "Marta Ruiz"));
      assertTrue(admin.driver.findElement(row).getText().contains("Activo"));
      assertTrue(admin.driver.findElement(row).getText().contains("Agente"));
      admin.screenshot("admin-agents");

      try (Browser agent = Browser.open("es")) {
        agent.signIn(email, password);
        agent.wait.until(ExpectedConditions.textToBe(By.id("current-user"), email));
        assertTrue(agent.driver.findElements(By.id("nav-agents")).isEmpty(), "no admin links");
        agent.driver.get(Api.baseUrl() + "admin/agents.xhtml");
        agent.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
        assertTrue(agent.driver.findElements(By.id("agent-add:add")).isEmpty());
      }

      admin
          .driver
          .findElement(row)
          .findElement(By.xpath(".//button[contains(@id,'toggle-active')]"))
          .click();
      admin.wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "Inactivo"));
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("feedback"), "desactivado"));

      admin
          .driver
          .findElement(rowOf(Api.ADMIN))
          .findElement(By.xpath(".//button[contains(@id,'toggle-active')]"))
          .click();
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("feedback"), "No puedes desactivarte"));
      assertTrue(admin.driver.findElement(rowOf(Api.ADMIN)).getText().contains("Activo"));
    }
  }

  @Test
  @DisplayName(
      "an admin adds a mailbox through the form, tests its connection (IMAP ok, SMTP ok) and sees it listed")
  void addMailboxAndTestConnection() throws Exception {
    try (MailServer mail = MailServer.start();
        Browser admin = Browser.open("es")) {
      String mailbox = "ayuda-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      mail.addMailbox(mailbox, "mailbox-secret");
      String name = "Ayuda " + mailbox.substring(6, 14);

      admin.signIn(Api.ADMIN, Api.adminPassword());
      admin.inAgentMenu("nav-channels").click();
      admin.wait.until(ExpectedConditions.elementToBeClickable(By.id("add-email"))).click();
      admin.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("channel:save")));

      type(admin, "channel:name", name);
      type(admin, "channel:address", mailbox);
      type(admin, "channel:poll-seconds", "3600");
      type(admin, "channel:imap-host", "127.0.0.1");
      admin.choose("channel:imap-security", "Ninguna");
      type(admin, "channel:imap-port", String.valueOf(mail.imapPort()));
      type(admin, "channel:imap-username", mailbox);
      type(admin, "channel:imap-password", "mailbox-secret");
      type(admin, "channel:smtp-host", "127.0.0.1");
      admin.choose("channel:smtp-security", "Ninguna");
      type(admin, "channel:smtp-port", String.valueOf(mail.smtpPort()));
      admin.screenshot("admin-channel-email-new");
      admin.driver.findElement(By.id("channel:save")).click();

      admin.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created")));
      assertTrue(admin.driver.getCurrentUrl().contains("id="), admin.driver.getCurrentUrl());
      WebElement password = admin.driver.findElement(By.id("channel:imap-password"));
      assertTrue(password.getAttribute("value").isEmpty(), "a password is never shown back");
      assertTrue(password.getAttribute("placeholder").contains("guardada"));
      assertFalse(admin.driver.getPageSource().contains("mailbox-secret"));

      admin.driver.findElement(By.id("test:test-connection")).click();
      admin.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("test:result"), "IMAP: correcto"));
      String result = admin.driver.findElement(By.id("test:result")).getText();
      assertTrue(result.contains("SMTP: correcto"), result);
      ((org.openqa.selenium.JavascriptExecutor) admin.driver)
          .executeScript("arguments[0].scrollIntoView()", admin.driver.findElement(By.id("test")));
      admin.screenshot("admin-channel-email-edit");

      admin.inAgentMenu("nav-channels").click();
      By row =
          By.xpath("//tbody[@id='channels:channel-table_data']/tr[contains(., '" + name + "')]");
      admin.wait.until(ExpectedConditions.textToBePresentInElementLocated(row, mailbox));
      assertTrue(admin.driver.findElement(row).getText().contains("Activo"));
      admin.screenshot("admin-channels");
    }
  }

  private static By rowOf(String username) {
    return By.xpath(
        "//tbody[@id='agents:agent-table_data']/tr[td[text()[normalize-space()='"
            + username
            + "']]]");
  }

  private static void type(Browser browser, String id, String text) {
    WebElement input = browser.driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }
}
