package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A mail channel acknowledges each new ticket once, with its number (issue 18). */
@ExtendWith(ArquillianExtension.class)
class AutoAcknowledgeIT {

  private static final String ACK =
      """
      {"enabled":true,"text":"Hola {{customer.name}}, tenemos tu mensaje: ticket #{{ticket.number}}",
       "outOfHoursText":"Estamos cerrados; te respondemos al abrir. Ticket #{{ticket.number}}"}""";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();
  private MailServer mail;
  private String mailbox;
  private long channelId;

  @BeforeEach
  void mailboxThatAcknowledges() {
    mail = MailServer.start();
    mailbox = "ack-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    mail.addMailbox(mailbox, "mailbox-secret");
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"email","name":"Acuse","address":"%s","pollSeconds":3600,
             "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"mailbox-secret","folder":"INBOX"},
             "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                .formatted(mailbox, mail.imapPort(), mailbox, mail.smtpPort()));
    assertEquals(201, created.status(), created::toString);
    channelId = created.object().getJsonNumber("id").longValue();
    Api.Response ack = admin.send("PUT", path(), ACK, Map.of());
    assertEquals(200, ack.status(), ack::toString);
  }

  @AfterEach
  void stopMailServer() {
    mail.close();
  }

  @Test
  @DisplayName("a new ticket's customer gets exactly one acknowledgement with the ticket's number")
  void acknowledgesOnceWithTheNumber() throws Exception {
    String customer = customer();
    String firstId = "<" + UUID.randomUUID() + "@client>";
    mail.deliver(mailbox, mailFrom(customer, firstId, null, "Pedido 77", "Hola"));
    JsonObject ticket = ticketOf(customer);

    MimeMessage[] acks = mail.received(customer, 1, Duration.ofSeconds(20));
    assertEquals(1, acks.length);
    assertTrue(
        String.valueOf(acks[0].getContent()).contains("ticket #" + ticket.getInt("number")),
        () -> "the acknowledgement names the number");
    mail.deliver(mailbox, mailFrom(customer, "<" + UUID.randomUUID() + "@c>", firstId, "Re", "Y"));
    Eventually.await(
        "the second message on the ticket",
        () -> {
          poll();
          JsonObject t = admin.get("tickets/" + ticket.getInt("id")).object();
          return t.getJsonArray("messages").size() >= 3
              ? java.util.Optional.of(t)
              : java.util.Optional.empty();
        },
        Duration.ofSeconds(20));
    Thread.sleep(2000);
    assertEquals(1, mail.received(customer, 2, Duration.ofSeconds(2)).length, "once per ticket");

    JsonObject after = admin.get("tickets/" + ticket.getInt("id")).object();
    assertEquals("new", after.getString("status"), "an automatic reply starts no work");
    assertEquals(JsonValue.NULL, after.get("firstResponseAt"), "and is no first response");
    JsonObject reply = after.getJsonArray("messages").getJsonObject(1);
    assertEquals("outbound", reply.getString("direction"));
    assertEquals(
        "Automation: auto-acknowledge",
        reply.getJsonObject("author").getString("name"),
        reply::toString);
  }

  @Test
  @DisplayName("no acknowledgement to an auto-reply or to our own address")
  void neverToAutoRepliesOrOurselves() throws Exception {
    String away = customer();
    mail.deliver(
        mailbox,
        "Message-ID: <"
            + UUID.randomUUID()
            + "@client>\nFrom: "
            + away
            + "\nTo: "
            + mailbox
            + "\nSubject: Fuera de la oficina\nAuto-Submitted: auto-replied\n\nEstoy de vacaciones.\n");
    mail.deliver(
        mailbox, mailFrom(mailbox, "<" + UUID.randomUUID() + "@self>", null, "Eco", "Yo mismo"));
    poll();
    Thread.sleep(3000);

    assertEquals(0, mail.received(away, 1, Duration.ofSeconds(2)).length);
    assertEquals(
        2,
        mail.received(mailbox, 3, Duration.ofSeconds(1)).length,
        "only the two mails we delivered: no acknowledgement went back to our own address");
  }

  @Test
  @DisplayName("outside the business hours of the ticket's SLA policy the out-of-hours text goes")
  void outOfHoursText() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Api.Response policy =
        admin.post(
            "sla-policies",
            """
            {"name":"Cerrado hoy","priority":"normal","channel":"email","firstResponseMinutes":60,
             "resolutionMinutes":600,"businessHours":{"timeZone":"UTC",
             "weekly":{"monday":["09:00-18:00"],"tuesday":["09:00-18:00"]},
             "holidays":["%s","%s","%s"]}}"""
                .formatted(today.minusDays(1), today, today.plusDays(1)));
    assertEquals(201, policy.status(), policy::toString);
    try {
      String customer = customer();
      mail.deliver(
          mailbox, mailFrom(customer, "<" + UUID.randomUUID() + "@c>", null, "De noche", "Hola"));
      JsonObject ticket = ticketOf(customer);

      MimeMessage[] acks = mail.received(customer, 1, Duration.ofSeconds(20));
      assertEquals(1, acks.length);
      String text = String.valueOf(acks[0].getContent());
      assertTrue(text.contains("Estamos cerrados"), text);
      assertTrue(text.contains("#" + ticket.getInt("number")), text);
    } finally {
      admin.send("DELETE", "sla-policies/" + policy.object().getInt("id"), null, Map.of());
    }
  }

  @Test
  @DisplayName("the acknowledgement settings read back; agents cannot see them")
  void settingsReadBack() {
    JsonObject settings = admin.get(path()).object();
    assertTrue(settings.getBoolean("enabled"));
    assertTrue(settings.getString("text").contains("{{ticket.number}}"));
    assertFalse(settings.getString("outOfHoursText").isBlank());
    assertEquals(404, admin.get("channels/999999999/auto-acknowledge").status());
  }

  private String path() {
    return "channels/" + channelId + "/auto-acknowledge";
  }

  private static String customer() {
    return "cliente-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  private void poll() {
    Api.Response polled = admin.post("channels/" + channelId + "/poll", null);
    assertEquals(200, polled.status(), polled::toString);
  }

  private JsonObject ticketOf(String email) {
    return Eventually.await(
        "a ticket for " + email,
        () -> {
          poll();
          JsonArray customers = admin.get("customers?q=" + email).object().getJsonArray("items");
          if (customers.isEmpty()) {
            return java.util.Optional.empty();
          }
          JsonArray tickets =
              admin
                  .get("customers/" + customers.getJsonObject(0).getInt("id"))
                  .object()
                  .getJsonArray("tickets");
          return tickets.isEmpty()
              ? java.util.Optional.empty()
              : java.util.Optional.of(
                  admin.get("tickets/" + tickets.getJsonObject(0).getInt("id")).object());
        },
        Duration.ofSeconds(20));
  }

  private String mailFrom(
      String from, String messageId, String inReplyTo, String subject, String body) {
    return "Message-ID: "
        + messageId
        + "\nFrom: "
        + from
        + "\nTo: "
        + mailbox
        + "\nSubject: "
        + subject
        + "\n"
        + (inReplyTo == null
            ? ""
            : "In-Reply-To: " + inReplyTo + "\nReferences: " + inReplyTo + "\n")
        + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
        + body
        + "\n";
  }
}
