package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The email channel against Debian's Dovecot and Postfix ({@code .ci/mail-servers.sh}): customers
 * write through Postfix, Ventanilla reads Dovecot's IMAP and replies through Postfix into the
 * customer's own Dovecot mailbox. Skipped where the servers are not running, failing in CI.
 */
@ExtendWith(ArquillianExtension.class)
class DovecotEmailChannelIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();
  private DovecotPostfix servers;
  private String mailbox;
  private EmailChannelFixture channel;

  @BeforeEach
  void mailboxWithAChannel() {
    servers = DovecotPostfix.fromSystem();
    mailbox = servers.newAddress("soporte");
    channel =
        EmailChannelFixture.create(
            admin, mailbox, servers.password(), servers.imapPort(), servers.smtpPort());
  }

  private void write(String from, String subject, String body, String inReplyTo) {
    servers.send(
        mailbox,
        EmailChannelFixture.plainMail(
            "<" + UUID.randomUUID() + "@cliente.example>",
            from,
            mailbox,
            subject,
            body,
            inReplyTo));
  }

  @Test
  @DisplayName(
      "a mail through Postfix becomes a ticket; the reply reaches the customer's Dovecot mailbox;"
          + " the customer's answer joins the ticket")
  void mailInReplyOutAnswerBack() throws Exception {
    String customer = servers.newAddress("cliente");
    write("Cliente Uno <" + customer + ">", "Pedido sin recibir", "¿Dónde está mi pedido?", null);

    JsonArray tickets = channel.ticketsOf(customer, t -> t.size() == 1);
    assertEquals(1, tickets.size());
    JsonObject ticket = channel.ticket(tickets, 0);
    int number = ticket.getInt("number");
    assertEquals("Pedido sin recibir", ticket.getString("subject"));
    assertEquals(
        "¿Dónde está mi pedido?",
        ticket.getJsonArray("messages").getJsonObject(0).getString("text"));
    String firstId = ticket.getJsonArray("messages").getJsonObject(0).getString("externalId");

    Api.Response reply =
        admin.post(
            "tickets/" + ticket.getInt("id") + "/replies", "{\"text\":\"Hola, lo enviamos hoy.\"}");
    assertEquals(201, reply.status(), reply::toString);

    List<MimeMessage> received = servers.inbox(customer, 1, Duration.ofSeconds(20));
    assertEquals(1, received.size(), "the reply reached the customer's mailbox");
    MimeMessage answer = received.get(0);
    assertEquals("Re: Pedido sin recibir [#" + number + "]", answer.getSubject());
    assertEquals(firstId, answer.getHeader("In-Reply-To", null));
    assertTrue(answer.getFrom()[0].toString().contains(mailbox));
    assertTrue(new SentMail(answer).text().contains("Hola, lo enviamos hoy."));
    String ourId = answer.getMessageID();
    assertNotNull(ourId);

    write(customer, "Re: Pedido sin recibir [#" + number + "]", "¡Gracias!", ourId);
    tickets =
        channel.ticketsOf(customer, t -> channel.ticket(t, 0).getJsonArray("messages").size() == 3);
    assertEquals(1, tickets.size(), "the answer joined the same ticket");
    JsonArray messages = channel.ticket(tickets, 0).getJsonArray("messages");
    assertEquals(3, messages.size());
    assertEquals("¡Gracias!", messages.getJsonObject(2).getString("text"));
  }

  @Test
  @DisplayName("a mail already read (\\Seen) in another client first is still filed")
  void seenMailStillArrives() throws Exception {
    String customer = servers.newAddress("visto");
    write(customer, "Leído", "Ya lo leyó otro", null);
    servers.readInAnotherClient(mailbox, 1);

    assertEquals(1, channel.ticketsOf(customer, t -> t.size() == 1).size());
  }

  @Test
  @DisplayName(
      "Dovecot stopped and started again: the channel shows the outage and loses nothing, the mail"
          + " Postfix held meanwhile included")
  void dovecotStoppedAndBack() throws Exception {
    String customer = servers.newAddress("corte");
    write(customer, "Antes del corte", "Uno", null);
    assertEquals(1, channel.ticketsOf(customer, t -> t.size() == 1).size());

    servers.stopDovecot();
    try {
      write(customer, "Durante el corte", "Dos", null);
      JsonObject down = channel.poll().getJsonObject("health");
      assertNotNull(down.getString("lastError", null), down::toString);
      assertTrue(down.getInt("consecutiveFailures") >= 1, down::toString);
    } finally {
      servers.startDovecot();
    }

    JsonArray tickets = channel.ticketsOf(customer, t -> t.size() == 2, Duration.ofSeconds(40));
    assertEquals(2, tickets.size(), "the mail written during the outage arrived, once");
    assertEquals(0, channel.health().getInt("consecutiveFailures"));
    channel.poll();
    assertEquals(2, channel.customerTickets(customer).size(), "nothing filed twice");
  }

  @Test
  @DisplayName("a new UIDVALIDITY on the mailbox files nothing twice and loses nothing")
  void uidValidityChange() throws Exception {
    String customer = servers.newAddress("validez");
    write(customer, "Primero", "Uno", null);
    write(customer, "Segundo", "Dos", null);
    assertEquals(2, channel.ticketsOf(customer, t -> t.size() == 2).size());

    long before = servers.uidValidity(mailbox);
    servers.changeUidValidity(mailbox, before + 1000);
    assertNotEquals(before, servers.uidValidity(mailbox));
    write(customer, "Tercero", "Tres", null);

    JsonArray tickets = channel.ticketsOf(customer, t -> t.size() >= 3);
    channel.poll();
    tickets = channel.customerTickets(customer);
    assertEquals(3, tickets.size(), tickets::toString);
    Set<String> subjects = new HashSet<>();
    for (int i = 0; i < tickets.size(); i++) {
      subjects.add(tickets.getJsonObject(i).getString("subject"));
    }
    assertEquals(Set.of("Primero", "Segundo", "Tercero"), subjects);
  }

  @Test
  @DisplayName("a burst of 20 mails through Postfix becomes 20 tickets, each once")
  void burstOfTwenty() throws Exception {
    String customer = servers.newAddress("rafaga");
    for (int i = 1; i <= 20; i++) {
      write(customer, "Ráfaga " + i, "Mensaje " + i, null);
    }

    JsonArray tickets = channel.ticketsOf(customer, t -> t.size() >= 20, Duration.ofSeconds(40));
    channel.poll();
    tickets = channel.customerTickets(customer);
    assertEquals(20, tickets.size());
    Set<String> subjects = new HashSet<>();
    for (int i = 0; i < tickets.size(); i++) {
      subjects.add(tickets.getJsonObject(i).getString("subject"));
    }
    assertEquals(20, subjects.size(), "each mail once");
  }
}
