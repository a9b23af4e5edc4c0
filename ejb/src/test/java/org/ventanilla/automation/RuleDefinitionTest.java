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
          true);

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
}
