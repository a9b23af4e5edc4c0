package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Mailboxes against a real IMAP/SMTP server on loopback: mail in, replies out, nothing lost. */
@ExtendWith(ArquillianExtension.class)
class EmailChannelIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();
  private MailServer mail;
  private String mailbox;
  private EmailChannelFixture channel;
  private long channelId;

  @BeforeEach
  void mailboxWithAChannel() {
    mail = MailServer.start();
    mailbox = "support-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    mail.addMailbox(mailbox, "mailbox-secret");
    channel =
        EmailChannelFixture.create(
            admin, mailbox, "mailbox-secret", mail.imapPort(), mail.smtpPort());
    channelId = channel.id();
  }

  @AfterEach
  void stopMailServer() {
    mail.close();
  }

  private JsonObject poll() {
    return channel.poll();
  }

  private JsonArray ticketsOf(String email, Predicate<JsonArray> until)
      throws InterruptedException {
    return channel.ticketsOf(email, until);
  }

  private JsonArray customerTickets(String email) {
    return channel.customerTickets(email);
  }

  private JsonObject ticket(JsonArray tickets, int index) {
    return channel.ticket(tickets, index);
  }

  private static String plainMail(
      String messageId, String from, String to, String subject, String body, String inReplyTo) {
    return EmailChannelFixture.plainMail(messageId, from, to, subject, body, inReplyTo);
  }

  @Test
  @DisplayName(
      "a mail becomes a ticket; the reply threads in the customer's client; the answer joins the ticket")
  void mailInReplyOutAnswerBack() throws Exception {
    String customer = "cliente-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String firstId = "<" + UUID.randomUUID() + "@client.example.org>";
    mail.deliver(
        mailbox,
        plainMail(
            firstId,
            "Cliente Uno <" + customer + ">",
            mailbox,
            "Pedido sin recibir",
            "¿Dónde está mi pedido?",
            null));

    JsonArray tickets = ticketsOf(customer, t -> t.size() == 1);
    assertEquals(1, tickets.size());
    JsonObject ticket = ticket(tickets, 0);
    int number = ticket.getInt("number");
    assertEquals("Pedido sin recibir", ticket.getString("subject"));
    assertEquals(
        "¿Dónde está mi pedido?",
        ticket.getJsonArray("messages").getJsonObject(0).getString("text"));
    assertEquals(firstId, ticket.getJsonArray("messages").getJsonObject(0).getString("externalId"));

    Api.Response reply =
        admin.post(
            "tickets/" + ticket.getInt("id") + "/replies", "{\"text\":\"Hola, lo enviamos hoy.\"}");
    assertEquals(201, reply.status());

    MimeMessage[] received = mail.received(customer, 1, Duration.ofSeconds(20));
    assertEquals(1, received.length, "the customer got the reply");
    MimeMessage answer = received[0];
    assertEquals("Re: Pedido sin recibir [#" + number + "]", answer.getSubject());
    assertEquals(firstId, answer.getHeader("In-Reply-To", null));
    assertTrue(answer.getHeader("References", null).contains(firstId));
    assertTrue(answer.getFrom()[0].toString().contains(mailbox));
    assertTrue(new SentMail(answer).text().contains("Hola, lo enviamos hoy."));
    String ourId = answer.getMessageID();
    assertNotNull(ourId);

    JsonObject afterSend = admin.get("tickets/" + ticket.getInt("id")).object();
    JsonObject sent = afterSend.getJsonArray("messages").getJsonObject(1);
    assertEquals("sent", sent.getString("deliveryStatus"));
    assertEquals(ourId, sent.getString("externalId"));

    mail.deliver(
        mailbox,
        plainMail(
            "<" + UUID.randomUUID() + "@client.example.org>",
            customer,
            mailbox,
            "Re: Pedido sin recibir [#" + number + "]",
            "¡Gracias!",
            ourId));
    tickets = ticketsOf(customer, t -> ticket(t, 0).getJsonArray("messages").size() == 3);
    assertEquals(1, tickets.size(), "the answer joined the same ticket");
    assertEquals(3, ticket(tickets, 0).getJsonArray("messages").size());
  }

  @Test
  @DisplayName(
      "Spanish subjects in ISO-8859-1 and UTF-8 encoded words arrive decoded, each mail once")
  void encodedSubjects() throws Exception {
    mail.deliver(mailbox, MailServer.sample("latin1-encoded-words.eml"));
    mail.deliver(mailbox, MailServer.sample("thunderbird-utf8.eml"));

    JsonArray pena = ticketsOf("jm.pena@example.es", t -> t.size() >= 1);
    JsonArray lucia = ticketsOf("lucia.garcia@example.com", t -> t.size() >= 1);

    assertEquals("Información de envío urgente", pena.getJsonObject(0).getString("subject"));
    assertEquals("Pedido sin recibir — ¿dónde está?", lucia.getJsonObject(0).getString("subject"));
    assertEquals(
        "José María Peña",
        admin
            .get("customers?q=jm.pena@example.es")
            .object()
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("name"));

    poll();
    poll();
    assertEquals(
        1, customerTickets("lucia.garcia@example.com").size(), "polling again duplicates nothing");
  }

  @Test
  @DisplayName(
      "HTML-only mail is shown sanitized with text derived from it; attachments are stored")
  void htmlAndAttachments() throws Exception {
    mail.deliver(mailbox, MailServer.sample("outlook-html-only.eml"));
    mail.deliver(mailbox, MailServer.sample("gmail-related-attachment.eml"));

    JsonObject emma = ticket(ticketsOf("emma.wilson@example.org", t -> t.size() >= 1), 0);
    JsonObject message = emma.getJsonArray("messages").getJsonObject(0);
    assertTrue(message.getString("text").contains("Could I get a refund or a replacement?"));
    assertTrue(message.getString("html").contains("<b>broken</b>"));
    assertFalse(
        message.getString("html").contains("<script"), "HTML is sanitized before it is shown");
    assertFalse(message.getString("html").contains("onerror"));

    JsonObject javier = ticket(ticketsOf("javier.ruiz@gmail.com", t -> t.size() >= 1), 0);
    JsonArray files = javier.getJsonArray("messages").getJsonObject(0).getJsonArray("attachments");
    assertEquals(2, files.size(), files::toString);
    assertEquals("image.png", files.getJsonObject(0).getString("filename"));
    assertEquals("recibo nº 4521.pdf", files.getJsonObject(1).getString("filename"));
    assertTrue(files.getJsonObject(1).getInt("size") > 0);
  }

  @Test
  @DisplayName("a stranger quoting a ticket number does not land in someone else's conversation")
  void strangerQuotingANumberGetsANewTicket() throws Exception {
    String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    mail.deliver(
        mailbox,
        plainMail("<" + UUID.randomUUID() + "@x>", owner, mailbox, "Mi consulta", "Hola", null));
    int number = ticketsOf(owner, t -> t.size() == 1).getJsonObject(0).getInt("number");

    String stranger = "stranger-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    mail.deliver(
        mailbox,
        plainMail(
            "<" + UUID.randomUUID() + "@x>",
            stranger,
            mailbox,
            "Re: algo [#" + number + "]",
            "Intruso",
            null));
    mail.deliver(
        mailbox,
        plainMail(
            "<" + UUID.randomUUID() + "@x>",
            owner,
            mailbox,
            "Otra cosa [#" + number + "]",
            "Soy yo otra vez",
            null));

    assertEquals(1, ticketsOf(stranger, t -> t.size() == 1).size());
    JsonArray ownerTickets =
        ticketsOf(owner, t -> ticket(t, 0).getJsonArray("messages").size() == 2);
    assertEquals(1, ownerTickets.size(), "the customer's own tag threads into the ticket");
    assertEquals(2, ticket(ownerTickets, 0).getJsonArray("messages").size());
  }

  @Test
  @DisplayName(
      "an auto-reply is recorded but never reopens a resolved ticket; a bounce fails the reply")
  void autoReplyAndBounce() throws Exception {
    String customer = "away-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String firstId = "<" + UUID.randomUUID() + "@client>";
    mail.deliver(mailbox, plainMail(firstId, customer, mailbox, "Consulta", "Hola", null));
    JsonObject ticket = ticket(ticketsOf(customer, t -> t.size() == 1), 0);
    long id = ticket.getInt("id");
    admin.post("tickets/" + id + "/replies", "{\"text\":\"Respuesta\"}");
    MimeMessage ours = mail.received(customer, 1, Duration.ofSeconds(20))[0];
    admin.patch("tickets/" + id, "{\"status\":\"resolved\"}", Map.of());

    mail.deliver(
        mailbox,
        "Message-ID: <"
            + UUID.randomUUID()
            + "@client>\nFrom: "
            + customer
            + "\nTo: "
            + mailbox
            + "\nSubject: Respuesta automática: Re: Consulta\nAuto-Submitted: auto-replied\nIn-Reply-To: "
            + ours.getMessageID()
            + "\n\nEstoy de vacaciones.\n");
    String dsn =
        new String(MailServer.sample("bounce-dsn.eml"), StandardCharsets.UTF_8)
            .replace("<ventanilla-1003-9@example.com>", ours.getMessageID())
            .replace("<bounce-1@mx.example.com>", "<" + UUID.randomUUID() + "@mx.example.com>");
    mail.deliver(mailbox, dsn);

    JsonArray tickets =
        ticketsOf(
            customer,
            t ->
                ticket(t, 0).getJsonArray("messages").size() == 3
                    && "failed"
                        .equals(
                            ticket(t, 0)
                                .getJsonArray("messages")
                                .getJsonObject(1)
                                .getString("deliveryStatus", "")));
    JsonObject after = ticket(tickets, 0);
    assertEquals(1, tickets.size(), "neither the auto-reply nor the bounce opened a ticket");
    assertEquals("resolved", after.getString("status"), "an auto-reply never reopens");
    JsonObject reply = after.getJsonArray("messages").getJsonObject(1);
    assertEquals("failed", reply.getString("deliveryStatus"));
    assertTrue(reply.getString("deliveryError").contains("User unknown"), reply::toString);
    JsonArray messages = after.getJsonArray("messages");
    assertFalse(messages.getJsonObject(0).getBoolean("automated"), "the customer wrote it");
    assertTrue(messages.getJsonObject(2).getBoolean("automated"), "a machine wrote the reply");
  }

  @Test
  @DisplayName(
      "a bounce matching none of our replies and an auto-reply answering nothing are kept on the"
          + " channel, never as tickets nor in quarantine")
  void unsolicitedBounceAndAutoReplyAreKeptOnTheChannel() throws Exception {
    mail.deliver(
        mailbox,
        new String(MailServer.sample("bounce-dsn.eml"), StandardCharsets.UTF_8)
            .replace("<bounce-1@mx.example.com>", "<" + UUID.randomUUID() + "@mx.example.com>"));
    String away = "ooo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    mail.deliver(
        mailbox,
        "Message-ID: <"
            + UUID.randomUUID()
            + "@client>\nFrom: "
            + away
            + "\nTo: "
            + mailbox
            + "\nSubject: Automatic reply: Newsletter\nAuto-Submitted: auto-replied\n\nI am away.\n");

    JsonArray notices =
        Eventually.await(
            "two notices on the channel",
            () -> {
              poll();
              JsonArray items =
                  admin.get("channels/" + channelId + "/bounces").object().getJsonArray("items");
              return items.size() == 2 ? java.util.Optional.of(items) : java.util.Optional.empty();
            },
            Duration.ofSeconds(20));
    assertEquals("auto_reply", notices.getJsonObject(0).getString("kind"), notices::toString);
    assertEquals(away, notices.getJsonObject(0).getString("sender"));
    assertEquals("bounce", notices.getJsonObject(1).getString("kind"));
    assertEquals("nobody@nowhere.example", notices.getJsonObject(1).getString("recipient"));
    assertTrue(customerTickets(away).isEmpty(), "no ticket for an unsolicited auto-reply");
    assertTrue(
        admin.get("channels/" + channelId + "/quarantine").json().asJsonArray().isEmpty(),
        "quarantine is for unreadable mail");
  }

  @Test
  @DisplayName(
      "a stranger's auto-reply quoting another customer's ticket number [#n] is kept on the"
          + " channel: no new ticket, nothing added to that ticket")
  void strangersAutoReplyQuotingATicketNumberOpensNoTicket() throws Exception {
    String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    mail.deliver(
        mailbox,
        plainMail("<" + UUID.randomUUID() + "@client>", owner, mailbox, "Pedido", "Hola", null));
    int number = ticketsOf(owner, t -> t.size() == 1).getJsonObject(0).getInt("number");
    String stranger = "ooo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    mail.deliver(
        mailbox,
        "Message-ID: <"
            + UUID.randomUUID()
            + "@client>\nFrom: "
            + stranger
            + "\nTo: "
            + mailbox
            + "\nSubject: Automatic reply: Re: Pedido [#"
            + number
            + "]\nAuto-Submitted: auto-replied\n\nI am away.\n");

    Eventually.await(
        "the stranger's auto-reply on the channel",
        () -> {
          poll();
          return admin
                  .get("channels/" + channelId + "/bounces")
                  .object()
                  .getJsonArray("items")
                  .stream()
                  .anyMatch(n -> stranger.equals(n.asJsonObject().getString("sender", null)))
              ? java.util.Optional.of(true)
              : java.util.Optional.empty();
        },
        Duration.ofSeconds(20));
    assertTrue(customerTickets(stranger).isEmpty(), "no ticket for the stranger's auto-reply");
    JsonArray owners = customerTickets(owner);
    assertEquals(1, owners.size());
    assertEquals(1, ticket(owners, 0).getJsonArray("messages").size(), "nothing added to #n");
  }

  @Test
  @DisplayName("a malformed mail is quarantined and never blocks the mail after it")
  void malformedMailIsQuarantined() throws Exception {
    mail.deliver(mailbox, MailServer.sample("malformed-no-sender.eml"));
    String customer = "after-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    mail.deliver(
        mailbox,
        plainMail(
            "<" + UUID.randomUUID() + "@x>", customer, mailbox, "Después", "Llega igual", null));

    assertEquals(1, ticketsOf(customer, t -> t.size() == 1).size());
    JsonArray quarantine = admin.get("channels/" + channelId + "/quarantine").json().asJsonArray();
    assertEquals(1, quarantine.size(), quarantine::toString);
    assertTrue(quarantine.getJsonObject(0).getString("reason").contains("no sender"));
    long entry = quarantine.getJsonObject(0).getJsonNumber("id").longValue();
    Api.Response raw =
        admin.send(
            "GET",
            "channels/" + channelId + "/quarantine/" + entry + "/raw",
            null,
            Map.of("Accept", "message/rfc822"));
    assertEquals(200, raw.status());
    assertTrue(raw.body().contains("This is not a mail at all"));
  }

  @Test
  @DisplayName("a mail already read in another client still arrives")
  void seenMailStillArrives() throws Exception {
    String customer = "seen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    mail.deliver(
        mailbox,
        plainMail(
            "<" + UUID.randomUUID() + "@x>", customer, mailbox, "Leído", "Ya lo leyó otro", null));
    mail.readInAnotherClient(mailbox, "mailbox-secret");

    assertEquals(1, ticketsOf(customer, t -> t.size() == 1).size());
  }

  @Test
  @DisplayName(
      "a stopped mail server shows in the channel's health and nothing is lost when it returns")
  void mailServerDownThenBack() throws Exception {
    int smtp = mail.smtpPort();
    int imap = mail.imapPort();
    mail.close();

    JsonObject down = poll();
    JsonObject health = down.getJsonObject("health");
    assertNotNull(health.getString("lastError", null), down::toString);
    assertTrue(health.getInt("consecutiveFailures") >= 1);

    mail = MailServer.startOn(smtp, imap);
    mail.addMailbox(mailbox, "mailbox-secret");
    String customer = "back-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    mail.deliver(
        mailbox,
        plainMail(
            "<" + UUID.randomUUID() + "@x>", customer, mailbox, "Vuelve", "Ya funciona", null));

    assertEquals(1, ticketsOf(customer, t -> t.size() == 1).size());
    JsonObject up = admin.get("channels/" + channelId).object().getJsonObject("health");
    assertEquals(0, up.getInt("consecutiveFailures"));
  }

  @Test
  @DisplayName("the connection test names what fails; an agent cannot see channels")
  void connectionTestAndRoles() {
    JsonObject ok = admin.post("channels/" + channelId + "/test", null).object();
    assertTrue(ok.getBoolean("imapOk"), ok::toString);
    assertTrue(ok.getBoolean("smtpOk"), ok::toString);

    admin.patch(
        "channels/" + channelId,
        "{\"imap\":{\"host\":\"127.0.0.1\",\"port\":"
            + mail.imapPort()
            + ",\"username\":\""
            + mailbox
            + "\",\"password\":\"wrong\"}}",
        Map.of());
    JsonObject bad = admin.post("channels/" + channelId + "/test", null).object();
    assertFalse(bad.getBoolean("imapOk"));
    assertTrue(bad.getString("imapError").contains("Authentication failed"), bad::toString);

    String agent = "agent-" + UUID.randomUUID() + "@example.com";
    admin.post(
        "agents", "{\"email\":\"" + agent + "\",\"role\":\"agent\",\"password\":\"agent-pass-1\"}");
    assertEquals(403, Api.as(agent, "agent-pass-1").get("channels").status());
  }
}
