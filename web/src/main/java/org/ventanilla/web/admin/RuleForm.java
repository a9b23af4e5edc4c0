package org.ventanilla.web.admin;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ventanilla.common.Enums;
import org.ventanilla.web.admin.RuleVocabulary.ValueKind;

/**
 * A rule as the editor's rows hold it: a "when", "if" rows (field, operator, value) and "then" rows
 * (action, value), every value the text of its input. It reads and writes the API's JSON, so the
 * page saves through the same service and the same validation as integrations. Pure: no Faces.
 */
public class RuleForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One "if" row. */
  public static final class ConditionRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String field;
    private String op;
    private String value;

    ConditionRow(String field, String op, String value) {
      this.field = field;
      this.op = op;
      this.value = value;
    }

    public String getField() {
      return field;
    }

    /** A field whose value takes another input starts with an empty value. */
    public void setField(String field) {
      if (RuleVocabulary.ofField(field) != RuleVocabulary.ofField(this.field)) {
        value = "";
      }
      this.field = field;
    }

    public String getOp() {
      return op;
    }

    public void setOp(String op) {
      this.op = op;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }

    public ValueKind getKind() {
      return RuleVocabulary.ofCondition(field, op);
    }
  }

  /** One "then" row; a reply takes either a canned response or its own text. */
  public static final class ActionRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String action;
    private String value;
    private String cannedResponseId;

    ActionRow(String action, String value, String cannedResponseId) {
      this.action = action;
      this.value = value;
      this.cannedResponseId = cannedResponseId;
    }

    public String getAction() {
      return action;
    }

    /** An action whose value takes another input starts with an empty value. */
    public void setAction(String action) {
      if (RuleVocabulary.ofAction(action) != RuleVocabulary.ofAction(this.action)) {
        value = "";
        cannedResponseId = null;
      }
      this.action = action;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }

    public String getCannedResponseId() {
      return cannedResponseId;
    }

    public void setCannedResponseId(String cannedResponseId) {
      this.cannedResponseId = cannedResponseId;
    }

    public ValueKind getKind() {
      return RuleVocabulary.ofAction(action);
    }
  }

  private String name = "";
  private boolean active = true;
  private String event = RuleVocabulary.events().get(0);
  private Integer amount;
  private String unit = Enums.json(ChronoUnit.MINUTES);
  private String since = RuleVocabulary.sinces().get(0);
  private boolean matchAll = true;
  private final List<ConditionRow> conditions = new ArrayList<>();
  private final List<ActionRow> actions = new ArrayList<>();

  /** A new rule: one empty "if" row and one empty "then" row to start from. */
  public static RuleForm blank() {
    RuleForm form = new RuleForm();
    form.addCondition();
    form.addAction();
    return form;
  }

  /** The rule as the API answers it ({@code GET /rules/{id}}). */
  public static RuleForm of(JsonObject rule) {
    RuleForm form = new RuleForm();
    form.name = rule.getString("name", "");
    form.active = rule.getBoolean("active", true);
    JsonObject when = rule.getJsonObject("when");
    form.event = when.getString("event", form.event);
    if (when.get("minutes") instanceof JsonNumber minutes) {
      form.setMinutes(minutes.intValue());
      form.since = when.getString("since", form.since);
    }
    form.matchAll = !"any".equals(rule.getString("match", "all"));
    for (JsonValue c : rule.getJsonArray("if")) {
      JsonObject o = c.asJsonObject();
      form.conditions.add(
          new ConditionRow(o.getString("field"), o.getString("op"), text(o.get("value"))));
    }
    for (JsonValue a : rule.getJsonArray("then")) {
      JsonObject o = a.asJsonObject();
      JsonValue value = o.get("value");
      if (value instanceof JsonObject canned && canned.get("cannedResponseId") != null) {
        form.actions.add(
            new ActionRow(o.getString("action"), null, canned.get("cannedResponseId").toString()));
      } else {
        form.actions.add(new ActionRow(o.getString("action"), text(value), null));
      }
    }
    return form;
  }

  /** The rule in the API's shape, ready for {@code RuleService.create/update}. */
  public JsonObject toJson() {
    JsonObjectBuilder when = Json.createObjectBuilder().add("event", event);
    if (RuleVocabulary.isTime(event)) {
      Integer minutes = getMinutes();
      if (minutes != null) {
        when.add("minutes", minutes);
      }
      when.add("since", since);
    }
    JsonArrayBuilder ifs = Json.createArrayBuilder();
    for (ConditionRow c : conditions) {
      ifs.add(
          Json.createObjectBuilder()
              .add("field", c.field)
              .add("op", c.op)
              .add("value", conditionValue(c)));
    }
    JsonArrayBuilder thens = Json.createArrayBuilder();
    for (ActionRow a : actions) {
      thens.add(Json.createObjectBuilder().add("action", a.action).add("value", actionValue(a)));
    }
    return Json.createObjectBuilder()
        .add("name", name == null ? "" : name.strip())
        .add("active", active)
        .add("when", when)
        .add("match", matchAll ? "all" : "any")
        .add("if", ifs)
        .add("then", thens)
        .build();
  }

  /**
   * What is missing before the service is asked, as the part of the form it belongs to ({@code
   * name}, {@code when}, {@code then}, {@code if-2}, {@code then-0}) and a bundle key.
   */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (name == null || name.isBlank()) {
      problems.put("name", "rules.error.name");
    }
    if (RuleVocabulary.isTime(event) && (amount == null || amount < 1)) {
      problems.put("when", "rules.error.minutes");
    }
    for (int i = 0; i < conditions.size(); i++) {
      ConditionRow c = conditions.get(i);
      boolean needsWords =
          RuleVocabulary.ofField(c.field) == ValueKind.TEXT || RuleVocabulary.takesList(c.op);
      if (needsWords && blank(c.value)) {
        problems.put("if-" + i, "rules.error.value");
      }
    }
    if (actions.isEmpty()) {
      problems.put("then", "rules.error.noAction");
    }
    for (int i = 0; i < actions.size(); i++) {
      ActionRow a = actions.get(i);
      boolean missing =
          switch (a.getKind()) {
            case NONE -> false;
            case CANNED_REPLY -> blank(a.cannedResponseId) && blank(a.value);
            default -> blank(a.value);
          };
      if (missing) {
        problems.put("then-" + i, "rules.error.value");
      }
    }
    return problems;
  }

  /** The part of the form a service refusal names ("then must be ...": {@code then}). */
  public static String partOf(String refusal) {
    String start = refusal == null ? "" : refusal.strip();
    for (String part : List.of("name", "when", "match", "if", "then")) {
      if (start.startsWith(part + " ") || start.startsWith(part + ".")) {
        return part;
      }
    }
    return "rule";
  }

  public void addCondition() {
    conditions.add(
        new ConditionRow(RuleVocabulary.fields().get(0), RuleVocabulary.operators().get(0), ""));
  }

  public void removeCondition(int index) {
    if (index >= 0 && index < conditions.size()) {
      conditions.remove(index);
    }
  }

  public void addAction() {
    actions.add(new ActionRow(RuleVocabulary.actions().get(0), "", null));
  }

  public void removeAction(int index) {
    if (index >= 0 && index < actions.size()) {
      actions.remove(index);
    }
  }

  private JsonValue conditionValue(ConditionRow c) {
    String value = c.value == null ? "" : c.value.strip();
    if (RuleVocabulary.takesList(c.op)) {
      JsonArrayBuilder words = Json.createArrayBuilder();
      Arrays.stream(value.split(","))
          .map(String::strip)
          .filter(w -> !w.isEmpty())
          .forEach(words::add);
      return words.build();
    }
    if (c.getKind() == ValueKind.BOOLEAN && (value.equals("true") || value.equals("false"))) {
      return value.equals("true") ? JsonValue.TRUE : JsonValue.FALSE;
    }
    return Json.createValue(value);
  }

  private static JsonValue actionValue(ActionRow a) {
    String value = a.value == null ? "" : a.value.strip();
    return switch (a.getKind()) {
      case NONE -> JsonValue.NULL;
      case CANNED_REPLY ->
          blank(a.cannedResponseId)
              ? Json.createValue(a.value == null ? "" : a.value)
              : Json.createObjectBuilder()
                  .add("cannedResponseId", Long.parseLong(a.cannedResponseId.strip()))
                  .build();
      case SNOOZE ->
          !value.isEmpty() && value.chars().allMatch(Character::isDigit)
              ? Json.createValue(Long.parseLong(value))
              : Json.createValue(value);
      case LONG_TEXT -> Json.createValue(a.value == null ? "" : a.value);
      default -> Json.createValue(value);
    };
  }

  /** A value as its input shows it: a list as comma-separated words. */
  private static String text(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return "";
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonArray list) {
      return list.stream().map(RuleForm::text).collect(Collectors.joining(", "));
    }
    return value.toString();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The wait in minutes, from the amount and its unit; null until an amount is given. */
  public Integer getMinutes() {
    if (amount == null) {
      return null;
    }
    ChronoUnit chosen =
        RuleVocabulary.UNITS.stream()
            .filter(u -> Enums.json(u).equals(unit))
            .findFirst()
            .orElse(ChronoUnit.MINUTES);
    return Math.toIntExact(amount * chosen.getDuration().toMinutes());
  }

  /** Shown in the largest unit that divides it: 2880 minutes read as 2 days. */
  void setMinutes(int minutes) {
    ChronoUnit chosen = ChronoUnit.MINUTES;
    for (ChronoUnit u : RuleVocabulary.UNITS) {
      long size = u.getDuration().toMinutes();
      if (minutes % size == 0) {
        chosen = u;
      }
    }
    unit = Enums.json(chosen);
    amount = (int) (minutes / chosen.getDuration().toMinutes());
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public String getEvent() {
    return event;
  }

  public void setEvent(String event) {
    this.event = event;
  }

  public boolean isTime() {
    return RuleVocabulary.isTime(event);
  }

  public Integer getAmount() {
    return amount;
  }

  public void setAmount(Integer amount) {
    this.amount = amount;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String since) {
    this.since = since;
  }

  public String getMatch() {
    return matchAll ? "all" : "any";
  }

  public void setMatch(String match) {
    this.matchAll = !"any".equals(match);
  }

  public List<ConditionRow> getConditions() {
    return conditions;
  }

  public List<ActionRow> getActions() {
    return actions;
  }
}
