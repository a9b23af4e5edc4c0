package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.Multipart;
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

/** A forward reaches a third address with the files, and its answer joins as a third party's. */
@ExtendWith(ArquillianExtension.class)
class ForwardIT {

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
    mailbox = "fwd-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
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
      "a forward mails the messages and their files to a third address; the answer joins as a"
          + " third party's")
  void forwardAndItsAnswer() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String customer = "cliente-" + tag + "@example.org";
    String supplier = "proveedor-" + tag + "@example.net";
    String pdf = java.util.Base64.getMimeEncoder().encodeToString(ReplyAttachmentsIT.PDF);
    mail.deliver(
        mailbox,
        "Message-ID: <"
            + tag
            + "@client.example.org>\nFrom: "
            + customer
            + "\nTo: "
            + mailbox
            + "\nSubject: Pieza rota\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n"
            + "--b1\nContent-Type: text/plain; charset=UTF-8\n\nLa pieza llegó rota, adjunto el albarán.\n"
            + "--b1\nContent-Type: application/pdf\nContent-Disposition: attachment;"
            + " filename=\"albaran.pdf\"\nContent-Transfer-Encoding: base64\n\n"
            + pdf
            + "\n--b1--\n");
    long ticketId = channel.firstTicketOf(customer);

    Api.Response forward =
        admin.post(
            "tickets/" + ticketId + "/forwards",
            "{\"to\":[\"" + supplier + "\"],\"text\":\"¿Nos enviáis otra pieza?\"}");

    assertEquals(201, forward.status(), forward::toString);
    assertEquals("forward", forward.object().getString("kind"));
    assertEquals(supplier, forward.object().getJsonArray("to").getString(0));
    assertEquals(1, forward.object().getJsonArray("attachments").size());
    MimeMessage[] received = mail.received(supplier, 1, Duration.ofSeconds(20));
    assertEquals(1, received.length, "the supplier got the forward");
    MimeMessage sent = received[0];
    assertTrue(sent.getSubject().startsWith("Fwd: Pieza rota"), sent.getSubject());
    Multipart parts = (Multipart) sent.getContent();
    String text = (String) parts.getBodyPart(0).getContent();
    assertTrue(text.contains("¿Nos enviáis otra pieza?"), text);
    assertTrue(text.contains("La pieza llegó rota"), text);
    assertEquals("albaran.pdf", parts.getBodyPart(1).getFileName());
    assertArrayEquals(ReplyAttachmentsIT.PDF, parts.getBodyPart(1).getInputStream().readAllBytes());
    assertEquals(1, sent.getAllRecipients().length, "to the supplier alone, not the customer");
    JsonObject ticket = ticket(ticketId);
    assertTrue(
        ticket.getJsonArray("events").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                e ->
                    e.getString("type").equals("forwarded")
                        && supplier.equals(e.getJsonObject("details").getString("after", null))),
        ticket::toString);
    assertEquals(
        "third_party", ticket.getJsonArray("participants").getJsonObject(0).getString("role"));

    mail.deliver(
        mailbox,
        "Message-ID: <answer-"
            + tag
            + "@example.net>\nFrom: Proveedor <"
            + supplier
            + ">\nTo: "
            + mailbox
            + "\nIn-Reply-To: "
            + sent.getMessageID()
            + "\nSubject: Re: "
            + sent.getSubject()
            + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
            + "Sale mañana otra pieza.\n");
    JsonObject answer =
        Eventually.await(
            "the supplier's answer on the ticket",
            () -> {
              channel.poll();
              return messages(ticketId).stream()
                  .filter(m -> m.getString("text", "").contains("Sale mañana"))
                  .findFirst();
            },
            Duration.ofSeconds(20));
    assertEquals("third_party", answer.getJsonObject("author").getString("type"));
    assertTrue(
        admin.get("customers?q=" + supplier).object().getJsonArray("items").isEmpty(),
        "the supplier is no new customer");
  }

  @Test
  @DisplayName("a forward needs an address, and names only messages of its ticket")
  void forwardIsChecked() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String customer = "otro-" + tag + "@example.org";
    mail.deliver(
        mailbox,
        "Message-ID: <"
            + tag
            + "@client.example.org>\nFrom: "
            + customer
            + "\nTo: "
            + mailbox
            + "\nSubject: Hola\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nHola\n");
    long ticketId = channel.firstTicketOf(customer);

    Api.Response noAddress =
        admin.post("tickets/" + ticketId + "/forwards", "{\"to\":[],\"text\":\"x\"}");
    Api.Response badAddress =
        admin.post("tickets/" + ticketId + "/forwards", "{\"to\":[\"no es\"]}");
    Api.Response foreign =
        admin.post(
            "tickets/" + ticketId + "/forwards",
            "{\"to\":[\"a@example.net\"],\"messageIds\":[999999999]}");

    assertEquals(422, noAddress.status(), noAddress::toString);
    assertEquals(422, badAddress.status(), badAddress::toString);
    assertEquals(422, foreign.status(), foreign::toString);
  }
}
