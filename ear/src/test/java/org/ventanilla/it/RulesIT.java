package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Automation rules through the API (issue 18). Each rule's conditions carry a token of its own, so
 * tickets other tests open never match it; each test deletes its rules.
 */
@ExtendWith(ArquillianExtension.class)
class RulesIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  private final Api admin = Api.asAdmin();
  private final List<Integer> rules = new ArrayList<>();
  private final String token = "t" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void deleteRules() {
    rules.forEach(id -> admin.send("DELETE", "rules/" + id, null, Map.of()));
  }

  @Test
  @DisplayName("subject contains factura: tag billing, priority high, assigned to Ana, in the log")
  void invoiceRule() {
    String ana = "ana-" + token;
    assertEquals(
        201,
        admin
            .post(
                "agents",
                "{\"username\":\"%s\",\"displayName\":\"Ana\",\"password\":\"ana-pass-123\"}"
                    .formatted(ana))
            .status());
    JsonObject rule =
        createRule(
            """
            {"name":"Facturas %s","active":true,"when":{"event":"ticket_created"},"match":"all",
             "if":[{"field":"subject","op":"contains","value":"factura"},
                   {"field":"body","op":"contains","value":"%s"}],
             "then":[{"action":"add_tag","value":"billing"},{"action":"set_priority","value":"high"},
                     {"action":"assign","value":"%s"}]}"""
                .formatted(token, token, ana));
    assertEquals("ticket_created", rule.getJsonObject("when").getString("event"));
    assertEquals(JsonValue.NULL, rule.get("pausedReason"));

    int id = open("Mi FACTURA de marzo", "Hola " + token);
    int other = open("Otra cosa", "Hola " + token);

    JsonObject ticket = admin.get("tickets/" + id).object();
    assertEquals("high", ticket.getString("priority"));
    assertEquals(ana, ticket.getString("assignee"));
    assertTrue(ticket.getJsonArray("tags").toString().contains("billing"), ticket::toString);
    String actor = "Automation: Facturas " + token;
    long byRule =
        ticket.getJsonArray("events").stream()
            .map(JsonValue::asJsonObject)
            .filter(e -> actor.equals(e.getString("actor")))
            .count();
    assertEquals(3, byRule, () -> "tag, priority and assignment logged: " + ticket);
    assertEquals("normal", admin.get("tickets/" + other).object().getString("priority"));

    JsonObject dry = admin.post("rules/" + rule.getInt("id") + "/dry-run", null).object();
    assertEquals(1, dry.getInt("total"), dry::toString);
    assertEquals(id, dry.getJsonArray("tickets").getJsonObject(0).getInt("id"));
  }

  @Test
  @DisplayName(
      "waiting on the customer for a minute resolves the ticket with its closing message, once")
  void waitingOnCustomerResolvesOnce() {
    createRule(
        """
        {"name":"Cierre %s","when":{"event":"time","minutes":1,"since":"last_agent_message"},
         "match":"all","if":[{"field":"subject","op":"contains","value":"%s"}],
         "then":[{"action":"set_status","value":"resolved"},
                 {"action":"reply","value":"Cerramos el ticket #{{ticket.number}}; escríbenos si hace falta."}]}"""
            .formatted(token, token));
    int id = open("Espera " + token, "Hola");
    Api.Response replied =
        admin.post("tickets/" + id + "/replies", "{\"text\":\"¿Nos mandas el número de pedido?\"}");
    assertEquals(201, replied.status(), replied::toString);

    JsonObject resolved =
        Eventually.await(
            "the waiting rule to resolve ticket " + id,
            () -> {
              JsonObject t = admin.get("tickets/" + id).object();
              return "resolved".equals(t.getString("status")) ? Optional.of(t) : Optional.empty();
            },
            Duration.ofSeconds(150));
    long closing =
        resolved.getJsonArray("messages").stream()
            .map(JsonValue::asJsonObject)
            .filter(m -> m.getString("text", "").startsWith("Cerramos el ticket #"))
            .count();
    assertEquals(1, closing, resolved::toString);
  }

  @Test
  @DisplayName("a rule that fires 100 times within a minute is paused and the admin is told")
  void ruleStormIsPaused() throws Exception {
    JsonObject rule =
        createRule(
            """
            {"name":"Tormenta %s","when":{"event":"ticket_created"},"match":"all",
             "if":[{"field":"subject","op":"contains","value":"%s"}],
             "then":[{"action":"add_tag","value":"storm"}]}"""
                .formatted(token, token));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> opened = new ArrayList<>();
      for (int i = 0; i < 101; i++) {
        int n = i;
        opened.add(pool.submit(() -> open("Tormenta " + token + " " + n, "x")));
      }
      for (Future<Integer> f : opened) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    JsonObject paused = admin.get("rules/" + rule.getInt("id")).object();
    assertFalse(paused.getBoolean("active"), paused::toString);
    assertTrue(paused.getString("pausedReason").contains("100"), paused::toString);
    assertTrue(
        admin.get("notifications").body().contains("Tormenta " + token),
        "the admins get a notification naming the rule");
  }

  @Test
  @DisplayName("a rule with an unknown action is refused; agents cannot read rules")
  void validationAndRoles() {
    Api.Response bad =
        admin.post(
            "rules",
            "{\"name\":\"x\",\"when\":{\"event\":\"ticket_created\"},\"then\":[{\"action\":\"explode\"}]}");
    assertEquals(422, bad.status(), bad::toString);
    String agent = "rules-" + token;
    admin.post("agents", "{\"username\":\"%s\",\"password\":\"rules-pass-1\"}".formatted(agent));
    assertEquals(403, Api.as(agent, "rules-pass-1").get("rules").status());
  }

  @Test
  @DisplayName(
      "sla_warning and sla_breach rules fire once each when a one-minute policy warns and breaches")
  void slaWarningAndBreachRules() {
    createRule(
        """
        {"name":"Aviso %s","when":{"event":"sla_warning"},"match":"all",
         "if":[{"field":"subject","op":"contains","value":"%s"}],
         "then":[{"action":"add_tag","value":"sla-aviso"}]}"""
            .formatted(token, token));
    createRule(
        """
        {"name":"Incumplido %s","when":{"event":"sla_breach"},"match":"all",
         "if":[{"field":"subject","op":"contains","value":"%s"}],
         "then":[{"action":"set_priority","value":"high"},
                 {"action":"note","value":"SLA incumplido en #{{ticket.number}}"}]}"""
            .formatted(token, token));
    Api.Response policy =
        admin.post(
            "sla-policies",
            """
            {"name":"Reglas %s","priority":"urgent","channel":"email",
             "firstResponseMinutes":1,"resolutionMinutes":30,"warnAtPercent":10}"""
                .formatted(token));
    assertEquals(201, policy.status(), policy::toString);
    try {
      int id = open("Urgente " + token, "Hola");
      int calm = open("Tranquilo " + token, "Hola");
      assertEquals(
          200, admin.patch("tickets/" + id, "{\"priority\":\"urgent\"}", Map.of()).status());

      JsonObject breached =
          Eventually.await(
              "the breach rule on ticket " + id,
              () -> {
                JsonObject t = admin.get("tickets/" + id).object();
                return "high".equals(t.getString("priority")) ? Optional.of(t) : Optional.empty();
              },
              Duration.ofSeconds(150));
      assertTrue(
          breached.getJsonArray("tags").toString().contains("sla-aviso"), breached::toString);
      assertEquals(1, byActor(breached, "Automation: Aviso " + token), breached::toString);
      assertEquals(2, byActor(breached, "Automation: Incumplido " + token), breached::toString);
      assertEquals(
          1,
          breached.getJsonArray("messages").stream()
              .map(JsonValue::asJsonObject)
              .filter(m -> m.getString("text", "").startsWith("SLA incumplido en #"))
              .count(),
          breached::toString);
      JsonObject untouched = admin.get("tickets/" + calm).object();
      assertEquals(0, byActor(untouched, "Automation: Aviso " + token), "no policy, no alert");
    } finally {
      admin.send("DELETE", "sla-policies/" + policy.object().getInt("id"), null, Map.of());
    }
  }

  @Test
  @DisplayName(
      "channel_id picks the mailbox's tickets; a csat_answered rule with score <= 2 assigns the"
          + " lead, tags and notes, a good score does not")
  void mailboxConditionAndLowScoreRule() throws Exception {
    String lead = "lead-" + token;
    assertEquals(
        201,
        admin
            .post(
                "agents",
                "{\"username\":\"%s\",\"displayName\":\"Lead\",\"password\":\"lead-pass-123\"}"
                    .formatted(lead))
            .status());
    assertEquals(200, admin.send("PUT", "settings/csat", "{\"enabled\":true}", Map.of()).status());
    try (MailServer mail = MailServer.start()) {
      String mailbox = "rules-" + token + "@example.com";
      mail.addMailbox(mailbox, "mailbox-secret");
      EmailChannelFixture channel =
          EmailChannelFixture.create(
              admin, mailbox, "mailbox-secret", mail.imapPort(), mail.smtpPort());
      createRule(
          """
          {"name":"Buzón %s","when":{"event":"ticket_created"},"match":"all",
           "if":[{"field":"channel_id","op":"is","value":%d}],
           "then":[{"action":"add_tag","value":"buzon-%s"}]}"""
              .formatted(token, channel.id(), token));
      createRule(
          """
          {"name":"Baja %s","when":{"event":"csat_answered"},"match":"all",
           "if":[{"field":"csat_score","op":"lte","value":2},
                 {"field":"channel_id","op":"in","value":[%d]}],
           "then":[{"action":"assign","value":"%s"},{"action":"add_tag","value":"csat-baja"},
                   {"action":"note","value":"Puntuación baja en #{{ticket.number}}"}]}"""
              .formatted(token, channel.id(), lead));
      int byApi = open("Sin buzón " + token, "Hola");

      String unhappy = "triste-" + token + "@example.org";
      String happy = "feliz-" + token + "@example.org";
      long low = surveyAnswered(mail, channel, mailbox, unhappy, 2);
      long high = surveyAnswered(mail, channel, mailbox, happy, 5);

      JsonObject lowTicket =
          Eventually.await(
              "the low-score rule on ticket " + low,
              () -> {
                JsonObject t = admin.get("tickets/" + low).object();
                return lead.equals(t.getString("assignee", null))
                    ? Optional.of(t)
                    : Optional.empty();
              },
              Duration.ofSeconds(30));
      assertTrue(
          lowTicket.getJsonArray("tags").toString().contains("csat-baja"), lowTicket::toString);
      assertTrue(
          lowTicket.getJsonArray("tags").toString().contains("buzon-" + token),
          lowTicket::toString);
      assertEquals(3, byActor(lowTicket, "Automation: Baja " + token), lowTicket::toString);
      assertTrue(
          lowTicket.getJsonArray("messages").toString().contains("Puntuación baja en #"),
          lowTicket::toString);

      JsonObject highTicket = admin.get("tickets/" + high).object();
      assertEquals(0, byActor(highTicket, "Automation: Baja " + token), highTicket::toString);
      assertTrue(
          highTicket.getJsonArray("tags").toString().contains("buzon-" + token),
          highTicket::toString);
      JsonObject apiTicket = admin.get("tickets/" + byApi).object();
      assertFalse(
          apiTicket.getJsonArray("tags").toString().contains("buzon-" + token),
          "a ticket of no mailbox: " + apiTicket);
      admin.send("DELETE", "channels/" + channel.id(), null, Map.of());
    } finally {
      admin.send("PUT", "settings/csat", "{\"enabled\":false}", Map.of());
    }
  }

  /** A customer's mail filed, resolved, its survey link answered with the score; the ticket id. */
  private long surveyAnswered(
      MailServer mail, EmailChannelFixture channel, String mailbox, String customer, int score)
      throws Exception {
    mail.deliver(
        mailbox,
        EmailChannelFixture.plainMail(
            "<" + UUID.randomUUID() + "@client.example.org>",
            customer,
            mailbox,
            "Pedido " + token,
            "Hola",
            null));
    long id = channel.firstTicketOf(customer);
    assertEquals(200, admin.patch("tickets/" + id, "{\"status\":\"resolved\"}", Map.of()).status());
    jakarta.mail.internet.MimeMessage[] survey = mail.received(customer, 1, Duration.ofSeconds(20));
    assertEquals(1, survey.length, "the survey reached " + customer);
    java.util.regex.Matcher link = CsatIT.LINK.matcher((String) survey[0].getContent());
    assertTrue(link.find(), "a survey link");
    assertEquals(200, CsatIT.page("POST", link.group(1), "score=" + score).statusCode());
    return id;
  }

  private static long byActor(JsonObject ticket, String actor) {
    return ticket.getJsonArray("events").stream()
        .map(JsonValue::asJsonObject)
        .filter(e -> actor.equals(e.getString("actor", null)))
        .count();
  }

  private JsonObject createRule(String json) {
    Api.Response created = admin.post("rules", json);
    assertEquals(201, created.status(), created::toString);
    rules.add(created.object().getInt("id"));
    return created.object();
  }

  private int open(String subject, String text) {
    Api.Response response =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"%s","customer":{"name":"Cliente","email":"r+%s@example.com"}}"""
                .formatted(subject, text, UUID.randomUUID()));
    assertEquals(201, response.status(), response::toString);
    return response.object().getInt("id");
  }
}
