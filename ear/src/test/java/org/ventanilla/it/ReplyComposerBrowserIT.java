package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The ticket page's composer: the CC pre-filled from the customer's mail, and a forward. */
@ExtendWith({ArquillianExtension.class, Browser.ScreenshotOnFailure.class})
class ReplyComposerBrowserIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();
  private MailServer mail;
  private String mailbox;
  private EmailChannelFixture channel;

  @BeforeEach
  void mailboxWithAChannel() {
    mail = MailServer.start();
    mailbox = "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    mail.addMailbox(mailbox, "mailbox-secret");
    channel =
        EmailChannelFixture.create(
            admin, mailbox, "mailbox-secret", mail.imapPort(), mail.smtpPort());
  }

  @AfterEach
  void stopMailServer() {
    mail.close();
  }

  private JsonObject ticket(long id) {
    return admin.get("tickets/" + id).object();
  }

  private List<JsonObject> messages(long ticketId) {
    return ticket(ticketId).getJsonArray("messages").stream().map(JsonValue::asJsonObject).toList();
  }

  @Test
  @DisplayName(
      "the CC is pre-filled from the customer's mail and goes out with the reply; a forward reaches"
          + " its address")
  void prefilledCcAndForward() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String customer = "cliente-" + tag + "@example.org";
    String colleague = "colega-" + tag + "@example.org";
    String supplier = "proveedor-" + tag + "@example.net";
    mail.deliver(
        mailbox,
        "Message-ID: <"
            + tag
            + "@client.example.org>\nFrom: "
            + customer
            + "\nTo: "
            + mailbox
            + "\nCc: "
            + colleague
            + ", "
            + mailbox
            + "\nSubject: Devolución\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
            + "Quiero devolver el pedido.\n");
    long ticketId = channel.firstTicketOf(customer);

    try (Browser browser = Browser.open("es")) {
      browser.signIn(Api.ADMIN, Api.adminPassword());
      browser.driver.get(Api.baseUrl() + "ticket.xhtml?id=" + ticketId);
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:cc")));
      assertEquals(
          colleague,
          browser.driver.findElement(By.id("ticket:cc")).getAttribute("value"),
          "the customer's Cc, without our own mailbox");

      browser.driver.findElement(By.id("ticket:reply")).sendKeys("Te enviamos la etiqueta.");
      browser.driver.findElement(By.id("ticket:send")).click();
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("ticket:timeline"), "Te enviamos la etiqueta."));
      MimeMessage[] sent = mail.received(customer, 1, Duration.ofSeconds(20));
      assertTrue(sent.length > 0, "the reply reached the customer");
      assertEquals(
          colleague, sent[0].getRecipients(jakarta.mail.Message.RecipientType.CC)[0].toString());
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("ticket:customer-panel"), colleague));

      browser.driver.findElement(By.cssSelector(".compose-forward summary")).click();
      browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:forward-to")));
      browser.driver.findElement(By.id("ticket:forward-to")).sendKeys(supplier);
      browser.driver.findElement(By.id("ticket:forward-text")).sendKeys("Para vuestra revisión.");
      browser.driver.findElement(By.id("ticket:send-forward")).click();
      MimeMessage[] forwarded = mail.received(supplier, 1, Duration.ofSeconds(30));
      assertEquals(1, forwarded.length, "the forward reached the supplier");
      assertTrue(
          forwarded[0].getSubject().startsWith("Fwd: Devolución"), forwarded[0].getSubject());
      assertTrue(forwarded[0].getContent().toString().contains("Quiero devolver el pedido."));
    }
    JsonObject ticket = ticket(ticketId);
    assertTrue(
        ticket.getJsonArray("events").stream()
            .anyMatch(e -> e.asJsonObject().getString("type").equals("forwarded")),
        ticket::toString);
  }
}
