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
