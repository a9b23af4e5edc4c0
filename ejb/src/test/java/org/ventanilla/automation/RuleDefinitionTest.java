package org.ventanilla.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.InvalidInputException;

class RuleDefinitionTest {

  private static final TicketFacts INVOICE =
      new TicketFacts(
          "Duda con mi Factura de marzo",
          "Hola, no me cuadra el importe",
          "email",
          Set.of("vip"),
          "normal",
          "new",
          null,
          Set.of("Lucía García", "lucia@example.com"),
          true,
          7L,
          null);

  /** The same customer after a survey answered 2 of 5 on a WhatsApp number (channel 12). */
  private static final TicketFacts UNHAPPY =
      new TicketFacts(
          "Pedido",
          "Llegó tarde",
          "whatsapp",
          Set.of(),
          "normal",
          "resolved",
          "ana",
          Set.of("Lucía García", "+34600111222"),
          true,
          12L,
          2);

  private static RuleDefinition rule(String match, String conditions) {
    return RuleDefinition.parse(
        json(
            """
            {"name":"r","when":{"event":"ticket_created"},"match":"%s","if":[%s],
             "then":[{"action":"add_tag","value":"billing"}]}"""
                .formatted(match, conditions)));
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  @DisplayName("subject contains ignores case")
  void subjectContains() {
    assertTrue(
        rule("all", "{\"field\":\"subject\",\"op\":\"contains\",\"value\":\"factura\"}")
            .matches(INVOICE));
    assertFalse(
        rule("all", "{\"field\":\"subject\",\"op\":\"contains\",\"value\":\"envío\"}")
            .matches(INVOICE));
  }

  @Test
  @DisplayName("all needs every condition, any needs one")
  void allAndAny() {
    String conditions =
        "{\"field\":\"subject\",\"op\":\"contains\",\"value\":\"factura\"},"
            + "{\"field\":\"channel\",\"op\":\"is\",\"value\":\"whatsapp\"}";
    assertFalse(rule("all", conditions).matches(INVOICE));
    assertTrue(rule("any", conditions).matches(INVOICE));
  }

  @Test
  @DisplayName("in, not_in and is_not on one value; tags and customer as sets")
  void listsAndSets() {
    assertTrue(
        rule("all", "{\"field\":\"priority\",\"op\":\"in\",\"value\":[\"low\",\"normal\"]}")
            .matches(INVOICE));
    assertFalse(
        rule("all", "{\"field\":\"status\",\"op\":\"not_in\",\"value\":[\"new\"]}")
            .matches(INVOICE));
    assertTrue(
        rule("all", "{\"field\":\"assignee\",\"op\":\"is_not\",\"value\":\"ana\"}")
            .matches(INVOICE));
    assertTrue(rule("all", "{\"field\":\"tag\",\"op\":\"is\",\"value\":\"VIP\"}").matches(INVOICE));
    assertFalse(
        rule("all", "{\"field\":\"tag\",\"op\":\"is_not\",\"value\":\"vip\"}").matches(INVOICE));
    assertTrue(
        rule("all", "{\"field\":\"customer\",\"op\":\"contains\",\"value\":\"@example.com\"}")
            .matches(INVOICE));
  }

  @Test
  @DisplayName("business hours is a boolean; body looks at the customer's message")
  void businessHoursAndBody() {
    assertTrue(
        rule("all", "{\"field\":\"business_hours\",\"op\":\"is\",\"value\":true}")
            .matches(INVOICE));
    assertFalse(
        rule("all", "{\"field\":\"business_hours\",\"op\":\"is\",\"value\":false}")
            .matches(INVOICE));
    assertTrue(
        rule("all", "{\"field\":\"body\",\"op\":\"contains\",\"value\":\"importe\"}")
            .matches(INVOICE));
  }

  @Test
  @DisplayName("a rule reads back as it was written; a time rule needs its minutes")
  void roundTripAndValidation() {
    RuleDefinition waiting =
        RuleDefinition.parse(
            json(
                """
                {"name":"Cierre","when":{"event":"time","minutes":2,"since":"last_agent_message"},
                 "match":"all","if":[],"then":[{"action":"set_status","value":"resolved"},
                 {"action":"reply","value":{"cannedResponseId":7}}]}"""));
    assertEquals(
        waiting,
        RuleDefinition.parse(
            Json.createObjectBuilder(waiting.toJson()).add("name", "Cierre").build()));
    assertEquals(7L, waiting.actions().get(1).cannedResponseId());
    assertTrue(waiting.replies());
    assertThrows(
        InvalidInputException.class,
        () ->
            RuleDefinition.parse(
                json(
                    "{\"name\":\"x\",\"when\":{\"event\":\"time\"},\"then\":[{\"action\":\"note\",\"value\":\"a\"}]}")));
    assertThrows(
        InvalidInputException.class,
        () ->
            RuleDefinition.parse(
                json(
                    "{\"name\":\"x\",\"when\":{\"event\":\"ticket_created\"},\"then\":[{\"action\":\"explode\"}]}")));
  }

  @Test
  @DisplayName("channel_id names the mailbox or number; a ticket without one matches none")
  void channelId() {
    assertTrue(
        rule("all", "{\"field\":\"channel_id\",\"op\":\"is\",\"value\":7}").matches(INVOICE));
    assertTrue(
        rule("all", "{\"field\":\"channel_id\",\"op\":\"in\",\"value\":[3,\"12\"]}")
            .matches(UNHAPPY));
    assertFalse(
        rule("all", "{\"field\":\"channel_id\",\"op\":\"is_not\",\"value\":7}").matches(INVOICE));
    TicketFacts byApi =
        new TicketFacts(
            "x", "", "email", Set.of(), "normal", "new", null, Set.of(), true, null, null);
    assertFalse(rule("all", "{\"field\":\"channel_id\",\"op\":\"is\",\"value\":7}").matches(byApi));
  }

  @Test
  @DisplayName(
      "csat_score compares numbers: score <= 2 is a low score; no answer matches no comparison")
  void csatScore() {
    RuleDefinition low =
        RuleDefinition.parse(
            json(
                """
                {"name":"Baja","when":{"event":"csat_answered"},"match":"all",
                 "if":[{"field":"csat_score","op":"lte","value":2}],
                 "then":[{"action":"assign","value":"lead"},{"action":"add_tag","value":"csat-baja"},
                         {"action":"note","value":"Puntuación baja"}]}"""));
    assertEquals(RuleDefinition.Event.CSAT_ANSWERED, low.when().event());
    assertTrue(low.matches(UNHAPPY));
    assertFalse(low.matches(INVOICE), "no answer yet");
    assertEquals(low, RuleDefinition.parse(Json.createObjectBuilder(low.toJson()).build()));
    assertFalse(
        rule("all", "{\"field\":\"csat_score\",\"op\":\"gt\",\"value\":2}").matches(UNHAPPY));
    assertTrue(
        rule("all", "{\"field\":\"csat_score\",\"op\":\"gte\",\"value\":\"2\"}").matches(UNHAPPY));
    assertTrue(
        rule("all", "{\"field\":\"csat_score\",\"op\":\"lt\",\"value\":3}").matches(UNHAPPY));
    assertTrue(
        rule("all", "{\"field\":\"csat_score\",\"op\":\"in\",\"value\":[1,2]}").matches(UNHAPPY));
  }

  @Test
  @DisplayName("comparisons are refused on words, contains on numbers, and need a whole number")
  void comparisonValidation() {
    assertThrows(
        InvalidInputException.class,
        () -> rule("all", "{\"field\":\"subject\",\"op\":\"lt\",\"value\":3}"));
    assertThrows(
        InvalidInputException.class,
        () -> rule("all", "{\"field\":\"csat_score\",\"op\":\"contains\",\"value\":3}"));
    assertThrows(
        InvalidInputException.class,
        () -> rule("all", "{\"field\":\"csat_score\",\"op\":\"lte\",\"value\":\"low\"}"));
    assertThrows(
        InvalidInputException.class,
        () -> rule("all", "{\"field\":\"csat_score\",\"op\":\"lte\",\"value\":2.5}"));
  }

  @Test
  @DisplayName("sla_warning and sla_breach are events of their own")
  void slaEvents() {
    for (String event : java.util.List.of("sla_warning", "sla_breach")) {
      RuleDefinition r =
          RuleDefinition.parse(
              json(
                  "{\"name\":\"x\",\"when\":{\"event\":\"%s\"},\"then\":[{\"action\":\"note\",\"value\":\"a\"}]}"
                      .formatted(event)));
      assertEquals(event, r.toJson().getJsonObject("when").getString("event"));
    }
  }
}
