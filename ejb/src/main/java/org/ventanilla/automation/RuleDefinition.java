package org.ventanilla.automation;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;

/**
 * A rule as the API writes it: {@code {"name", "active", "when":{"event", "minutes", "since"},
 * "match":"all"|"any", "if":[{"field","op","value"}], "then":[{"action","value"}]}}. Parsing checks
 * every part, so a stored rule always reads back; {@link #matches} is pure.
 */
public record RuleDefinition(
    String name,
    boolean active,
    When when,
    boolean matchAll,
    List<Condition> conditions,
    List<Action> actions) {

  public enum Event {
    TICKET_CREATED,
    CUSTOMER_MESSAGE,
    AGENT_REPLY,
    TICKET_UPDATED,
    TIME,
    /** An SLA clock reached its warning time (fired once per alert across servers). */
    SLA_WARNING,
    /** An SLA clock passed its due time (once per alert across servers). */
    SLA_BREACH,
    /** The customer answered the satisfaction survey; {@code csat_score} holds the score. */
    CSAT_ANSWERED
  }

  public enum Since {
    LAST_CUSTOMER_MESSAGE,
    LAST_AGENT_MESSAGE,
    CREATED
  }

  public enum Field {
    SUBJECT,
    BODY,
    CHANNEL,
    TAG,
    PRIORITY,
    STATUS,
    ASSIGNEE,
    CUSTOMER,
    BUSINESS_HOURS,
    /** The mailbox or WhatsApp number the ticket runs through, by its channel id. */
    CHANNEL_ID,
    /** The customer's satisfaction score, 1 to 5; none before an answer. */
    CSAT_SCORE;

    boolean numeric() {
      return this == CSAT_SCORE;
    }
  }

  public enum Op {
    CONTAINS,
    IS,
    IS_NOT,
    IN,
    NOT_IN,
    /** Numeric comparisons, for numeric fields only ({@code csat_score}). */
    LT,
    LTE,
    GT,
    GTE;

    boolean numeric() {
      return this == LT || this == LTE || this == GT || this == GTE;
    }
  }

  public enum ActionKind {
    ASSIGN,
    ROUND_ROBIN,
    SET_PRIORITY,
    SET_STATUS,
    ADD_TAG,
    REMOVE_TAG,
    REPLY,
    NOTE,
    NOTIFY,
    SNOOZE
  }

  /** When the rule is looked at; {@code minutes} and {@code since} only for time rules. */
  public record When(Event event, Integer minutes, Since since) {}

  public record Condition(Field field, Op op, JsonValue value) {

    public boolean matches(TicketFacts facts) {
      return switch (field) {
        case SUBJECT -> text(facts.subject());
        case BODY -> text(facts.body());
        case CHANNEL -> one(facts.channel());
        case PRIORITY -> one(facts.priority());
        case STATUS -> one(facts.status());
        case ASSIGNEE -> one(facts.assignee());
        case TAG -> many(facts.tags());
        case CUSTOMER -> many(facts.customer());
        case BUSINESS_HOURS -> one(String.valueOf(facts.businessHours()));
        case CHANNEL_ID -> one(facts.channelId() == null ? null : facts.channelId().toString());
        case CSAT_SCORE -> number(facts.csatScore());
      };
    }

    /** A number: compared (lt/lte/gt/gte), or is/in as a word; no number matches no comparison. */
    private boolean number(Integer actual) {
      if (!op.numeric()) {
        return one(actual == null ? null : actual.toString());
      }
      if (actual == null) {
        return false;
      }
      int bound = bound();
      return switch (op) {
        case LT -> actual < bound;
        case LTE -> actual <= bound;
        case GT -> actual > bound;
        case GTE -> actual >= bound;
        default -> throw new IllegalStateException(op.name());
      };
    }

    /** The number a comparison takes (parse checked it is one). */
    int bound() {
      return value instanceof JsonNumber n
          ? n.intValueExact()
          : Integer.parseInt(scalar(value).strip());
    }

    /** Words in a text: contains (ignoring case), is, is_not, in/not_in (any of the words). */
    private boolean text(String actual) {
      String lower = actual == null ? "" : actual.toLowerCase(Locale.ROOT);
      return switch (op) {
        case CONTAINS, IN -> values().stream().anyMatch(lower::contains);
        case NOT_IN -> values().stream().noneMatch(lower::contains);
        case IS -> values().contains(lower);
        case IS_NOT -> !values().contains(lower);
        case LT, LTE, GT, GTE -> false; // refused by parse: comparisons are for numbers
      };
    }

    /** One word: is/in (one of the values), is_not/not_in, contains; also the dry-run's rule. */
    boolean one(String actual) {
      String lower = actual == null ? "" : actual.toLowerCase(Locale.ROOT);
      return switch (op) {
        case IS, IN -> values().contains(lower);
        case IS_NOT, NOT_IN -> !values().contains(lower);
        case CONTAINS -> values().stream().anyMatch(lower::contains);
        case LT, LTE, GT, GTE -> false; // refused by parse: comparisons are for numbers
      };
    }

    /** A set (tags, a customer's name and addresses): is/in/contains = one of them matches. */
    private boolean many(Set<String> actual) {
      List<String> lower =
          actual.stream().map(v -> v == null ? "" : v.toLowerCase(Locale.ROOT)).toList();
      boolean any =
          op == Op.CONTAINS
              ? values().stream().anyMatch(v -> lower.stream().anyMatch(a -> a.contains(v)))
              : values().stream().anyMatch(lower::contains);
      return op == Op.IS_NOT || op == Op.NOT_IN ? !any : any;
    }

    /** The value as lower-case words: a string, a boolean, a number or a list of them. */
    List<String> values() {
      List<String> out = new ArrayList<>();
      if (value instanceof JsonArray array) {
        array.forEach(v -> out.add(scalar(v)));
      } else {
        out.add(scalar(value));
      }
      return out;
    }

    private static String scalar(JsonValue v) {
      if (v instanceof JsonString s) {
        return s.getString().toLowerCase(Locale.ROOT);
      }
      return v == null ? "" : v.toString().toLowerCase(Locale.ROOT);
    }
  }

  /** One thing to do; {@code value} as the API sent it (a name, a text, an object). */
  public record Action(ActionKind action, JsonValue value) {

    public String text() {
      if (value instanceof JsonString s) {
        return s.getString();
      }
      if (value == null || value == JsonValue.NULL) {
        throw new InvalidInputException(Enums.json(action) + " needs a value");
      }
      return value.toString();
    }

    /** {@code {"cannedResponseId":n}} for a reply from a canned response, else empty. */
    public Long cannedResponseId() {
      return value instanceof JsonObject o && o.get("cannedResponseId") instanceof JsonNumber n
          ? n.longValue()
          : null;
    }
  }

  public boolean matches(TicketFacts facts) {
    if (conditions.isEmpty()) {
      return true;
    }
    return matchAll
        ? conditions.stream().allMatch(c -> c.matches(facts))
        : conditions.stream().anyMatch(c -> c.matches(facts));
  }

  public boolean replies() {
    return actions.stream().anyMatch(a -> a.action() == ActionKind.REPLY);
  }

  public static RuleDefinition parse(JsonObject json) {
    if (json == null) {
      throw new InvalidInputException("a rule is required");
    }
    String name = json.getString("name", "").strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new InvalidInputException("name is required (at most 200 characters)");
    }
    boolean active = !json.containsKey("active") || json.getBoolean("active", true);
    JsonObject whenJson = object(json, "when");
    Event event = Enums.parse(Event.class, "when.event", whenJson.getString("event", null));
    Integer minutes = null;
    Since since = null;
    if (event == Event.TIME) {
      if (!(whenJson.get("minutes") instanceof JsonNumber n) || n.intValue() < 1) {
        throw new InvalidInputException("when.minutes must be at least 1 for a time rule");
      }
      minutes = n.intValue();
      since = Enums.parse(Since.class, "when.since", whenJson.getString("since", "created"));
    }
    String match = json.getString("match", "all");
    if (!match.equals("all") && !match.equals("any")) {
      throw new InvalidInputException("match must be all or any");
    }
    List<Condition> conditions = new ArrayList<>();
    for (JsonValue c : array(json, "if", false)) {
      JsonObject o = c.asJsonObject();
      Condition condition =
          new Condition(
              Enums.parse(Field.class, "if.field", o.getString("field", null)),
              Enums.parse(Op.class, "if.op", o.getString("op", null)),
              o.getOrDefault("value", JsonValue.NULL));
      checkComparison(condition);
      conditions.add(condition);
    }
    List<Action> actions = new ArrayList<>();
    for (JsonValue a : array(json, "then", true)) {
      JsonObject o = a.asJsonObject();
      actions.add(
          new Action(
              Enums.parse(ActionKind.class, "then.action", o.getString("action", null)),
              o.getOrDefault("value", JsonValue.NULL)));
    }
    return new RuleDefinition(
        name,
        active,
        new When(event, minutes, since),
        match.equals("all"),
        List.copyOf(conditions),
        List.copyOf(actions));
  }

  /** lt/lte/gt/gte need a numeric field and one whole number; contains makes no sense on one. */
  private static void checkComparison(Condition c) {
    if (c.op().numeric() && !c.field().numeric()) {
      throw new InvalidInputException(
          Enums.json(c.op()) + " compares numbers: not for " + Enums.json(c.field()));
    }
    if (c.field().numeric() && c.op() == Op.CONTAINS) {
      throw new InvalidInputException(
          Enums.json(c.field()) + " is a number: contains does not apply");
    }
    if (c.op().numeric()) {
      try {
        c.bound();
      } catch (NumberFormatException | ArithmeticException e) {
        throw new InvalidInputException(Enums.json(c.op()) + " needs a whole number");
      }
    }
  }

  private static JsonObject object(JsonObject json, String key) {
    if (!(json.get(key) instanceof JsonObject o)) {
      throw new InvalidInputException(key + " is required");
    }
    return o;
  }

  private static JsonArray array(JsonObject json, String key, boolean required) {
    JsonValue value = json.get(key);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        throw new InvalidInputException(key + " needs at least one entry");
      }
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    if (!(value instanceof JsonArray a)
        || (required && a.isEmpty())
        || a.stream().anyMatch(v -> !(v instanceof JsonObject))) {
      throw new InvalidInputException(key + " must be a list of objects");
    }
    return a;
  }

  /** The rule's when/match/if/then as the API shows them (name and state are the entity's). */
  public JsonObject toJson() {
    JsonObjectBuilder when = Json.createObjectBuilder().add("event", Enums.json(this.when.event()));
    if (this.when.minutes() != null) {
      when.add("minutes", this.when.minutes()).add("since", Enums.json(this.when.since()));
    }
    JsonArrayBuilder ifs = Json.createArrayBuilder();
    conditions.forEach(
        c ->
            ifs.add(
                Json.createObjectBuilder()
                    .add("field", Enums.json(c.field()))
                    .add("op", Enums.json(c.op()))
                    .add("value", c.value())));
    JsonArrayBuilder thens = Json.createArrayBuilder();
    actions.forEach(
        a ->
            thens.add(
                Json.createObjectBuilder()
                    .add("action", Enums.json(a.action()))
                    .add("value", a.value())));
    return Json.createObjectBuilder()
        .add("name", name)
        .add("active", active)
        .add("when", when)
        .add("match", matchAll ? "all" : "any")
        .add("if", ifs)
        .add("then", thens)
        .build();
  }
}
