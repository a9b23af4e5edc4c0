package org.ventanilla.web.admin;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ventanilla.automation.RuleDefinition.ActionKind;
import org.ventanilla.automation.RuleDefinition.Event;
import org.ventanilla.automation.RuleDefinition.Field;
import org.ventanilla.automation.RuleDefinition.Op;
import org.ventanilla.automation.RuleDefinition.Since;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.Enums;
import org.ventanilla.ticket.Priority;
import org.ventanilla.ticket.TicketStatus;

/**
 * What the rule editor offers, read from the engine's own lists (events, fields, operators,
 * actions), so that a trigger, field or action added to the engine shows up on the page by itself.
 * Only the input a value needs is the page's knowledge; one the page does not know yet is typed as
 * text, which is what the API takes.
 */
public final class RuleVocabulary {

  /** The input a condition's or action's value is entered with. */
  public enum ValueKind {
    NONE,
    TEXT,
    LONG_TEXT,
    AGENT,
    PRIORITY,
    STATUS,
    CHANNEL,
    BOOLEAN,
    CANNED_REPLY,
    SNOOZE
  }

  /** The units a time rule's wait is entered in; stored as minutes. */
  static final List<ChronoUnit> UNITS =
      List.of(ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS);

  private static final Map<Field, ValueKind> FIELDS = new EnumMap<>(Field.class);
  private static final Map<ActionKind, ValueKind> ACTIONS = new EnumMap<>(ActionKind.class);

  static {
    FIELDS.put(Field.CHANNEL, ValueKind.CHANNEL);
    FIELDS.put(Field.PRIORITY, ValueKind.PRIORITY);
    FIELDS.put(Field.STATUS, ValueKind.STATUS);
    FIELDS.put(Field.ASSIGNEE, ValueKind.AGENT);
    FIELDS.put(Field.BUSINESS_HOURS, ValueKind.BOOLEAN);
    ACTIONS.put(ActionKind.ASSIGN, ValueKind.AGENT);
    ACTIONS.put(ActionKind.NOTIFY, ValueKind.AGENT);
    ACTIONS.put(ActionKind.ROUND_ROBIN, ValueKind.NONE);
    ACTIONS.put(ActionKind.SET_PRIORITY, ValueKind.PRIORITY);
    ACTIONS.put(ActionKind.SET_STATUS, ValueKind.STATUS);
    ACTIONS.put(ActionKind.REPLY, ValueKind.CANNED_REPLY);
    ACTIONS.put(ActionKind.NOTE, ValueKind.LONG_TEXT);
    ACTIONS.put(ActionKind.SNOOZE, ValueKind.SNOOZE);
  }

  private RuleVocabulary() {}

  public static List<String> events() {
    return names(Event.values());
  }

  public static List<String> sinces() {
    return names(Since.values());
  }

  public static List<String> fields() {
    return names(Field.values());
  }

  public static List<String> operators() {
    return names(Op.values());
  }

  public static List<String> actions() {
    return names(ActionKind.values());
  }

  public static List<String> priorities() {
    return names(Priority.values());
  }

  public static List<String> statuses() {
    return names(TicketStatus.values());
  }

  public static List<String> channels() {
    return names(ChannelType.values());
  }

  public static List<String> units() {
    return UNITS.stream().map(Enums::json).toList();
  }

  public static boolean isTime(String event) {
    return Enums.json(Event.TIME).equals(event);
  }

  /** {@code in} and {@code not_in} take a list: the page shows it as comma-separated words. */
  public static boolean takesList(String op) {
    return Enums.json(Op.IN).equals(op) || Enums.json(Op.NOT_IN).equals(op);
  }

  public static ValueKind ofField(String field) {
    Field known = known(Field.class, field);
    return known == null ? ValueKind.TEXT : FIELDS.getOrDefault(known, ValueKind.TEXT);
  }

  public static ValueKind ofAction(String action) {
    ActionKind known = known(ActionKind.class, action);
    return known == null ? ValueKind.TEXT : ACTIONS.getOrDefault(known, ValueKind.TEXT);
  }

  /** The kind a condition's value is entered with, given its operator. */
  public static ValueKind ofCondition(String field, String op) {
    return takesList(op) ? ValueKind.TEXT : ofField(field);
  }

  private static <E extends Enum<E>> E known(Class<E> type, String json) {
    if (json == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, json.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException notYetKnown) {
      return null;
    }
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enums::json).toList();
  }
}
