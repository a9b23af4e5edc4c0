package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Service levels on the deployed EAR: policies over the API, due times on tickets, and the warning
 * and breach of a one-minute policy, fired once each with a notification and a mail.
 */
@ExtendWith(ArquillianExtension.class)
class SlaIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();
  private final List<String> cleanup = new ArrayList<>();
  private MailServer mail;

  @AfterEach
  void removeWhatTheTestMade() {
    // Policies would put other tests' tickets on the clock: each test removes its own.
    for (String path : cleanup) {
      admin.send("DELETE", path, null, Map.of());
    }
    if (mail != null) {
      mail.close();
    }
  }

  private long createPolicy(String json) {
    Api.Response created = admin.post("sla-policies", json);
    assertEquals(201, created.status(), created::toString);
    long id = created.object().getJsonNumber("id").longValue();
    cleanup.add("sla-policies/" + id);
    return id;
  }

  private JsonObject newTicket(String subject) {
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"Hola",
             "customer":{"name":"Cliente SLA","email":"sla-%s@example.org"}}"""
                .formatted(subject, UUID.randomUUID().toString().substring(0, 8)));
    assertEquals(201, created.status(), created::toString);
    return created.object();
  }

  private JsonObject patch(long ticketId, String json) {
    Api.Response patched = admin.patch("tickets/" + ticketId, json, Map.of());
    assertEquals(200, patched.status(), patched::toString);
    return patched.object();
  }

  private static Instant at(JsonObject object, String field) {
    return OffsetDateTime.parse(object.getString(field)).toInstant();
  }

  private long eventsOf(long ticketId, String type) {
    return admin.get("tickets/" + ticketId).object().getJsonArray("events").stream()
        .map(e -> e.asJsonObject().getString("type"))
        .filter(type::equals)
        .count();
  }

  private static void waitFor(Duration deadline, BooleanSupplier condition)
      throws InterruptedException {
    Instant end = Instant.now().plus(deadline);
    while (!condition.getAsBoolean() && Instant.now().isBefore(end)) {
      Thread.sleep(500);
    }
  }

  @Test
  @DisplayName(
      "admins manage policies; the most specific one sets a ticket's due times; duplicates and bad hours are refused")
  void policiesSetDueTimes() {
    createPolicy(
        """
        {"name":"Alta","priority":"high","firstResponseMinutes":60,"resolutionMinutes":480}""");
    long emailHigh =
        createPolicy(
            """
            {"name":"Alta por email","priority":"high","channel":"email",
             "firstResponseMinutes":30,"resolutionMinutes":240,"warnAtPercent":50}""");

    JsonObject ticket = newTicket("Necesito ayuda");
    long id = ticket.getJsonNumber("id").longValue();
    JsonObject high = patch(id, "{\"priority\":\"high\"}");

    JsonObject sla = high.getJsonObject("sla");
    Instant created = at(high, "createdAt");
    assertEquals(created.plus(Duration.ofMinutes(30)), at(sla, "firstResponseDueAt"));
    assertEquals(created.plus(Duration.ofMinutes(240)), at(sla, "resolutionDueAt"));
    assertEquals(0, sla.getJsonArray("breached").size());

    Api.Response duplicate =
        admin.post(
            "sla-policies",
            """
            {"name":"Otra","priority":"high","channel":"email","firstResponseMinutes":5,"resolutionMinutes":10}""");
    assertEquals(409, duplicate.status(), duplicate::toString);

    Api.Response badZone =
        admin.post(
            "sla-policies",
            """
            {"name":"Horario","priority":"low","firstResponseMinutes":5,"resolutionMinutes":10,
             "businessHours":{"timeZone":"Mars/Olympus","weekly":{"monday":["09:00-18:00"]}}}""");
    assertEquals(422, badZone.status(), badZone::toString);

    Api.Response patched =
        admin.patch(
            "sla-policies/" + emailHigh,
            """
            {"firstResponseMinutes":15,
             "businessHours":{"timeZone":"Europe/Madrid","weekly":{"monday":["09:00-14:00","15:00-18:00"]},
                              "holidays":["2026-12-25"]}}""",
            Map.of());
    assertEquals(200, patched.status(), patched::toString);
    assertEquals(15, patched.object().getInt("firstResponseMinutes"));
    JsonObject hours = patched.object().getJsonObject("businessHours");
    assertEquals("Europe/Madrid", hours.getString("timeZone"));
    assertEquals("15:00-18:00", hours.getJsonObject("weekly").getJsonArray("monday").getString(1));

    // The priority changes away and back: due times follow the (edited) policy, in working time.
    patch(id, "{\"priority\":\"normal\"}");
    JsonObject again = patch(id, "{\"priority\":\"high\"}").getJsonObject("sla");
    Instant due = at(again, "firstResponseDueAt");
    assertEquals(
        java.time.DayOfWeek.MONDAY,
        due.atZone(java.time.ZoneId.of("Europe/Madrid")).getDayOfWeek());

    assertTrue(
        admin.get("sla-policies").json().asJsonArray().stream()
            .anyMatch(p -> p.asJsonObject().getJsonNumber("id").longValue() == emailHigh));
    Api.Response deleted = admin.send("DELETE", "sla-policies/" + emailHigh, null, Map.of());
    assertEquals(204, deleted.status());
    assertEquals(404, admin.get("sla-policies/" + emailHigh).status());
  }

  @Test
  @DisplayName(
      "a one-minute policy warns and then breaches an unanswered ticket once, with a notification and a mail; an answered ticket gets neither")
  void warningAndBreachFireOnce() throws Exception {
    // Arrange: a mailbox on a real SMTP server, an agent with an email address, a 1-minute policy
    // warning at 10 % (6 s).
    mail = MailServer.start();
    String mailbox = "sla-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    mail.addMailbox(mailbox, "mailbox-secret");
    Api.Response channel =
        admin.post(
            "channels",
            """
            {"type":"email","name":"SLA","address":"%s","pollSeconds":3600,
             "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"mailbox-secret","folder":"INBOX"},
             "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                .formatted(mailbox, mail.imapPort(), mailbox, mail.smtpPort()));
    assertEquals(201, channel.status(), channel::toString);
    long channelId = channel.object().getJsonNumber("id").longValue();
    String agentEmail =
        "sla-agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Api.Response agent =
        admin.post(
            "agents",
            """
            {"displayName":"Agente SLA","email":"%s","role":"agent","password":"Sla-Agent-2026!"}"""
                .formatted(agentEmail));
    assertEquals(201, agent.status(), agent::toString);
    createPolicy(
        """
        {"name":"Urgente email","priority":"urgent","channel":"email",
         "firstResponseMinutes":1,"resolutionMinutes":30,"warnAtPercent":10}""");

    // Two customer mails through the mailbox: tickets whose own mailbox sends the notice.
    String late = "late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    String answered = "answered-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    for (String customer : List.of(late, answered)) {
      mail.deliver(
          mailbox,
          "Message-ID: <"
              + UUID.randomUUID()
              + "@client.example.org>\nFrom: "
              + customer
              + "\nTo: "
              + mailbox
              + "\nSubject: Urgente\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
              + "Ayuda\n");
    }
    assertEquals(200, admin.post("channels/" + channelId + "/poll", null).status());
    cleanup.add("channels/" + channelId);
    long lateId = ticketOf(late);
    long answeredId = ticketOf(answered);

    // Act: both urgent and assigned; one is answered at once.
    String assign = "{\"priority\":\"urgent\",\"assignee\":\"" + agentEmail + "\"}";
    JsonObject lateTicket = patch(lateId, assign);
    patch(answeredId, assign);
    assertEquals(
        201, admin.post("tickets/" + answeredId + "/replies", "{\"text\":\"Voy\"}").status());
    Instant due = at(lateTicket.getJsonObject("sla"), "firstResponseDueAt");
    assertEquals(at(lateTicket, "createdAt").plus(Duration.ofMinutes(1)), due);

    // Assert: the warning comes after 6 s, the breach after the minute, each once.
    waitFor(Duration.ofSeconds(30), () -> eventsOf(lateId, "sla_warning") > 0);
    assertEquals(1, eventsOf(lateId, "sla_warning"));
    assertEquals(0, eventsOf(lateId, "sla_breach"), "no breach before the due time");
    waitFor(
        Duration.between(Instant.now(), due).plusSeconds(30),
        () -> eventsOf(lateId, "sla_breach") > 0);
    assertEquals(1, eventsOf(lateId, "sla_breach"));
    Thread.sleep(7_000); // two more scans: nothing fires again
    assertEquals(1, eventsOf(lateId, "sla_warning"));
    assertEquals(1, eventsOf(lateId, "sla_breach"));
    assertEquals(0, eventsOf(answeredId, "sla_warning"));
    assertEquals(0, eventsOf(answeredId, "sla_breach"));

    JsonObject sla = admin.get("tickets/" + lateId).object().getJsonObject("sla");
    assertEquals("first_response", sla.getJsonArray("breached").getString(0));
    JsonObject answeredSla = admin.get("tickets/" + answeredId).object().getJsonObject("sla");
    assertEquals(0, answeredSla.getJsonArray("breached").size());

    JsonArray notifications =
        Api.as(agentEmail, "Sla-Agent-2026!").get("notifications").json().asJsonArray();
    assertEquals(2, notifications.size(), notifications::toString);
    assertEquals("sla_breach", notifications.getJsonObject(0).getString("kind"));
    assertEquals("sla_warning", notifications.getJsonObject(1).getString("kind"));
    assertEquals(lateId, notifications.getJsonObject(0).getJsonNumber("ticketId").longValue());

    MimeMessage[] mails = mail.received(agentEmail, 2, Duration.ofSeconds(10));
    assertEquals(2, mails.length, "one mail for the warning, one for the breach");
    for (MimeMessage notice : mails) {
      assertEquals("auto-generated", notice.getHeader("Auto-Submitted", null));
      assertTrue(notice.getSubject().contains("#" + lateTicket.getInt("number")));
    }
  }

  @Test
  @DisplayName("the summary report answers agents with every figure, and refuses a reversed range")
  void summaryOverHttp() {
    Api.Response summary = admin.get("reports/summary?from=2001-01-01&to=2001-01-02");
    assertEquals(200, summary.status(), summary::toString);
    JsonObject report = summary.object();
    assertEquals(0, report.getInt("ticketsCreated"));
    assertEquals(0, report.getJsonObject("ticketsByChannel").getInt("whatsapp"));
    assertTrue(report.containsKey("firstResponseMinutes"));
    Api.Response reversed = admin.get("reports/summary?from=2001-01-02&to=2001-01-01");
    assertEquals(422, reversed.status(), reversed::toString);
  }

  private long ticketOf(String customerEmail) {
    JsonArray customers = admin.get("customers?q=" + customerEmail).object().getJsonArray("items");
    assertEquals(1, customers.size(), "the mail became a ticket for " + customerEmail);
    long customer = customers.getJsonObject(0).getJsonNumber("id").longValue();
    return admin
        .get("customers/" + customer)
        .object()
        .getJsonArray("tickets")
        .getJsonObject(0)
        .getJsonNumber("id")
        .longValue();
  }
}
