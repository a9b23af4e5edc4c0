package org.ventanilla.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.automation.RuleDefinition;

class RuleFormTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  @DisplayName(
      "the rows of 'subject contains factura: tag billing, priority high, assign to Ana' give the API's JSON")
  void rowsGiveTheApisJson() {
    RuleForm form = RuleForm.blank();
    form.setName(" Facturas ");
    form.getConditions().get(0).setField("subject");
    form.getConditions().get(0).setOp("contains");
    form.getConditions().get(0).setValue("factura");
    form.getActions().get(0).setAction("add_tag");
    form.getActions().get(0).setValue("billing");
    form.addAction();
    form.getActions().get(1).setAction("set_priority");
    form.getActions().get(1).setValue("high");
    form.addAction();
    form.getActions().get(2).setAction("assign");
    form.getActions().get(2).setValue("ana");

    JsonObject rule = form.toJson();

    assertEquals(Map.of(), form.problems());
    assertEquals("Facturas", RuleDefinition.parse(rule).name());
    assertEquals(
        json(
            """
            {"name":"Facturas","active":true,"when":{"event":"ticket_created"},"match":"all",
             "if":[{"field":"subject","op":"contains","value":"factura"}],
             "then":[{"action":"add_tag","value":"billing"},{"action":"set_priority","value":"high"},
                     {"action":"assign","value":"ana"}]}"""),
        rule);
  }

  @Test
  @DisplayName(
      "a time rule of 2880 minutes reads as 2 days and writes back as 2880 minutes; lists and canned replies round-trip")
  void readsAndWritesBack() {
    JsonObject rule =
        json(
            """
            {"name":"Cerrar","active":false,"when":{"event":"time","minutes":2880,"since":"last_agent_message"},
             "match":"any","if":[{"field":"tag","op":"in","value":["a","b"]},
                                 {"field":"business_hours","op":"is","value":false}],
             "then":[{"action":"reply","value":{"cannedResponseId":7}},{"action":"round_robin","value":null}]}""");

    RuleForm form = RuleForm.of(rule);

    assertEquals(2, form.getAmount());
    assertEquals("days", form.getUnit());
    assertEquals("a, b", form.getConditions().get(0).getValue());
    assertEquals("7", form.getActions().get(0).getCannedResponseId());
    assertEquals(rule, form.toJson());
  }

  @Test
  @DisplayName("what is missing is named by the part of the form it belongs to")
  void problemsNameTheirField() {
    RuleForm form = RuleForm.blank();
    form.setEvent("time");
    form.getActions().get(0).setAction("add_tag");

    assertEquals(
        Map.of(
            "name", "rules.error.name",
            "when", "rules.error.minutes",
            "if-0", "rules.error.value",
            "then-0", "rules.error.value"),
        form.problems());
    assertEquals("when", RuleForm.partOf("when.minutes must be at least 1 for a time rule"));
    assertEquals("then", RuleForm.partOf("then needs at least one entry"));
  }
}
