package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
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

/** People copied on a reply are on the ticket, and their answers join it as theirs. */
@ExtendWith(ArquillianExtension.class)
class CcParticipantsIT {

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
    mailbox = "cc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
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
      "the CC of a reply is a participant, and their answer joins the ticket as a participant's")
  void ccAnswerJoinsTheTicket() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String customer = "cliente-" + tag + "@example.org";
    String colleague = "colega-" + tag + "@example.org";
    mail.deliver(
        mailbox,
        "Message-ID: <"
            + tag
            + "@client.example.org>\nFrom: "
            + customer
            + "\nTo: "
            + mailbox
            + "\nCc: Colega <"
            + colleague
            + ">\nSubject: Pedido\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
            + "Os escribo con copia a mi colega.\n");
    long ticketId = channel.firstTicketOf(customer);
    JsonObject inbound = messages(ticketId).get(0);
    assertEquals(
        List.of(colleague),
        inbound.getJsonArray("cc").getValuesAs(jakarta.json.JsonString::getString),
        "the inbound mail's own Cc is kept");

    Api.Response reply =
        admin.post(
            "tickets/" + ticketId + "/replies",
            "{\"text\":\"Recibido.\",\"cc\":[\"" + colleague + "\"]}");
    assertEquals(201, reply.status(), reply::toString);
    JsonArray participants = ticket(ticketId).getJsonArray("participants");
    assertEquals(1, participants.size(), participants::toString);
    assertEquals(colleague, participants.getJsonObject(0).getString("address"));
    assertEquals("cc", participants.getJsonObject(0).getString("role"));
    MimeMessage sent = mail.received(customer, 1, Duration.ofSeconds(20))[0];

    mail.deliver(
        mailbox,
        "Message-ID: <answer-"
            + tag
            + "@example.org>\nFrom: Colega <"
            + colleague
            + ">\nTo: "
            + mailbox
            + "\nIn-Reply-To: "
            + sent.getMessageID()
            + "\nReferences: "
            + sent.getMessageID()
            + "\nSubject: Re: Pedido\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
            + "Yo me encargo del pedido.\n");
    JsonObject answer =
        Eventually.await(
            "the colleague's answer on the ticket",
            () -> {
              channel.poll();
              return messages(ticketId).stream()
                  .filter(m -> m.getString("text", "").contains("Yo me encargo"))
                  .findFirst();
            },
            Duration.ofSeconds(20));

    assertEquals("participant", answer.getJsonObject("author").getString("type"));
    assertEquals("inbound", answer.getString("direction"));
    assertTrue(
        admin.get("customers?q=" + colleague).object().getJsonArray("items").isEmpty(),
        "the colleague is no new customer");
    Api.Response next =
        admin.post("tickets/" + ticketId + "/replies", "{\"text\":\"Gracias a los dos.\"}");
    assertEquals(201, next.status(), next::toString);
    // GreenMail keeps a copy per recipient, each To the customer: the first reply's two, then this.
    MimeMessage[] toCustomer = mail.received(customer, 3, Duration.ofSeconds(20));
    assertEquals(3, toCustomer.length, "the next reply still goes to the customer");
    StringBuilder texts = new StringBuilder();
    for (MimeMessage m : toCustomer) {
      texts.append(new SentMail(m).text()).append(" | ");
    }
    assertTrue(texts.toString().contains("Gracias a los dos."), texts::toString);
  }
}
