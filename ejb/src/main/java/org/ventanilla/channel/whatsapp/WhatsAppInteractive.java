package org.ventanilla.channel.whatsapp;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ventanilla.common.InvalidInputException;

/**
 * An outbound interactive message in Meta's shape: up to 3 reply buttons, or a list of up to 10
 * rows in up to 10 sections, with a body, an optional text header and footer. Built in code ({@link
 * #buttons}, {@link #list}) or read from an API request ({@link #parse}), always validated against
 * Meta's limits so a bad one is a clear 4xx here rather than a refusal from Meta later; {@link
 * #toJson} gives the {@code interactive} object of the send call and {@link #messageBody} the whole
 * call.
 */
public record WhatsAppInteractive(
    Kind type,
    String header,
    String body,
    String footer,
    String listButton,
    List<Section> sections,
    List<Choice> buttons) {

  public static final int MAX_BUTTONS = 3;
  public static final int MAX_ROWS = 10;
  public static final int MAX_SECTIONS = 10;
  static final int BODY_MAX = 1024;
  static final int HEADER_MAX = 60;
  static final int FOOTER_MAX = 60;
  static final int BUTTON_TITLE_MAX = 20;
  static final int ROW_TITLE_MAX = 24;
  static final int ROW_DESCRIPTION_MAX = 72;
  static final int SECTION_TITLE_MAX = 24;
  static final int ID_MAX = 256;

  /** Meta's {@code interactive.type} values we send. */
  public enum Kind {
    BUTTON("button"),
    LIST("list");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    static Kind of(String wire) {
      for (Kind kind : values()) {
        if (kind.wire.equals(wire)) {
          return kind;
        }
      }
      throw invalid("interactive.type must be \"button\" or \"list\"");
    }
  }

  /** A reply button or a list row: the id comes back in the customer's answer. */
  public record Choice(String id, String title, String description) {
    public Choice(String id, String title) {
      this(id, title, null);
    }
  }

  /** A list section: a title (required when there are several sections) and its rows. */
  public record Section(String title, List<Choice> rows) {
    public Section {
      rows = List.copyOf(rows);
    }
  }

  public WhatsAppInteractive {
    sections = sections == null ? List.of() : List.copyOf(sections);
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
    validate(type, header, body, footer, listButton, sections, buttons);
  }

  /** Reply buttons (1 to 3) under a body text. */
  public static WhatsAppInteractive buttons(String body, List<Choice> buttons) {
    return new WhatsAppInteractive(Kind.BUTTON, null, body, null, null, List.of(), buttons);
  }

  /** A list opened by {@code listButton}, its rows in one untitled section. */
  public static WhatsAppInteractive list(String body, String listButton, List<Choice> rows) {
    return new WhatsAppInteractive(
        Kind.LIST, null, body, null, listButton, List.of(new Section(null, rows)), List.of());
  }

  public WhatsAppInteractive withHeader(String text) {
    return new WhatsAppInteractive(type, text, body, footer, listButton, sections, buttons);
  }

  public WhatsAppInteractive withFooter(String text) {
    return new WhatsAppInteractive(type, header, body, text, listButton, sections, buttons);
  }

  /** Every choice offered, buttons or rows, in order. */
  public List<Choice> choices() {
    if (type == Kind.BUTTON) {
      return buttons;
    }
    List<Choice> all = new ArrayList<>();
    sections.forEach(s -> all.addAll(s.rows()));
    return all;
  }

  /** Meta's {@code interactive} object (the value of the send call's "interactive" field). */
  public JsonObject toJson() {
    JsonObjectBuilder json = Json.createObjectBuilder().add("type", type.wire());
    if (header != null) {
      json.add("header", Json.createObjectBuilder().add("type", "text").add("text", header));
    }
    json.add("body", Json.createObjectBuilder().add("text", body));
    if (footer != null) {
      json.add("footer", Json.createObjectBuilder().add("text", footer));
    }
    JsonObjectBuilder action = Json.createObjectBuilder();
    if (type == Kind.BUTTON) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      buttons.forEach(
          b ->
              array.add(
                  Json.createObjectBuilder()
                      .add("type", "reply")
                      .add(
                          "reply",
                          Json.createObjectBuilder().add("id", b.id()).add("title", b.title()))));
      action.add("buttons", array);
    } else {
      action.add("button", listButton);
      JsonArrayBuilder array = Json.createArrayBuilder();
      for (Section section : sections) {
        JsonObjectBuilder s = Json.createObjectBuilder();
        if (section.title() != null) {
          s.add("title", section.title());
        }
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (Choice row : section.rows()) {
          JsonObjectBuilder r =
              Json.createObjectBuilder().add("id", row.id()).add("title", row.title());
          if (row.description() != null) {
            r.add("description", row.description());
          }
          rows.add(r);
        }
        array.add(s.add("rows", rows));
      }
      action.add("sections", array);
    }
    return json.add("action", action).build();
  }

  /** The interactive object as text, e.g. to store it beside a message. */
  public String toJsonText() {
    return toJson().toString();
  }

  /**
   * The whole Cloud API send call to one recipient: {@code to} for a phone number, {@code
   * recipient} for a business-scoped user id (see {@link WhatsAppSender#base}).
   */
  public String messageBody(WhatsAppSender.Recipient recipient) {
    return WhatsAppSender.base(recipient)
        .add("type", "interactive")
        .add("interactive", toJson())
        .build()
        .toString();
  }

  /** Reads Meta's {@code interactive} object (as sent by an API client); refuses a bad one. */
  public static WhatsAppInteractive parse(JsonObject json) {
    if (json == null) {
      throw invalid("interactive must be an object");
    }
    Kind type = Kind.of(string(json, "type"));
    String header = null;
    if (json.get("header") instanceof JsonObject h) {
      if (!"text".equals(string(h, "type"))) {
        throw invalid("interactive.header: only a text header is supported");
      }
      header = string(h, "text");
    }
    String body = json.get("body") instanceof JsonObject b ? string(b, "text") : null;
    String footer = json.get("footer") instanceof JsonObject f ? string(f, "text") : null;
    if (!(json.get("action") instanceof JsonObject action)) {
      throw invalid("interactive.action is required");
    }
    if (type == Kind.BUTTON) {
      List<Choice> buttons = new ArrayList<>();
      for (JsonValue value : array(action, "buttons")) {
        if (!(value instanceof JsonObject button)
            || !(button.get("reply") instanceof JsonObject reply)) {
          throw invalid(
              "interactive.action.buttons[] must be {\"type\":\"reply\",\"reply\":{...}}");
        }
        if (button.containsKey("type") && !"reply".equals(string(button, "type"))) {
          throw invalid("interactive.action.buttons[].type must be \"reply\"");
        }
        buttons.add(new Choice(string(reply, "id"), string(reply, "title")));
      }
      return new WhatsAppInteractive(type, header, body, footer, null, List.of(), buttons);
    }
    List<Section> sections = new ArrayList<>();
    for (JsonValue value : array(action, "sections")) {
      if (!(value instanceof JsonObject section)) {
        throw invalid("interactive.action.sections[] must be objects");
      }
      List<Choice> rows = new ArrayList<>();
      for (JsonValue r : array(section, "rows")) {
        if (!(r instanceof JsonObject row)) {
          throw invalid("interactive.action.sections[].rows[] must be objects");
        }
        rows.add(new Choice(string(row, "id"), string(row, "title"), string(row, "description")));
      }
      sections.add(new Section(string(section, "title"), rows));
    }
    return new WhatsAppInteractive(
        type, header, body, footer, string(action, "button"), sections, List.of());
  }

  /** {@link #parse(JsonObject)} of stored or posted text. */
  public static WhatsAppInteractive parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return parse(reader.readObject());
    } catch (jakarta.json.JsonException | ClassCastException e) {
      throw invalid("interactive must be a JSON object");
    }
  }

  private static void validate(
      Kind type,
      String header,
      String body,
      String footer,
      String listButton,
      List<Section> sections,
      List<Choice> buttons) {
    if (type == null) {
      throw invalid("interactive.type must be \"button\" or \"list\"");
    }
    required("interactive.body.text", body, BODY_MAX);
    optional("interactive.header.text", header, HEADER_MAX);
    optional("interactive.footer.text", footer, FOOTER_MAX);
    Set<String> ids = new HashSet<>();
    if (type == Kind.BUTTON) {
      if (buttons.isEmpty() || buttons.size() > MAX_BUTTONS) {
        throw invalid("interactive buttons: 1 to " + MAX_BUTTONS + " reply buttons");
      }
      if (!sections.isEmpty()) {
        throw invalid("interactive buttons take no sections");
      }
      Set<String> titles = new HashSet<>();
      for (Choice b : buttons) {
        required("interactive.action.buttons[].reply.id", b.id(), ID_MAX);
        required("interactive.action.buttons[].reply.title", b.title(), BUTTON_TITLE_MAX);
        if (!ids.add(b.id()) || !titles.add(b.title())) {
          throw invalid("interactive buttons need distinct ids and titles");
        }
      }
      return;
    }
    required("interactive.action.button", listButton, BUTTON_TITLE_MAX);
    if (sections.isEmpty() || sections.size() > MAX_SECTIONS) {
      throw invalid("interactive list: 1 to " + MAX_SECTIONS + " sections");
    }
    if (!buttons.isEmpty()) {
      throw invalid("interactive list takes no buttons");
    }
    int rows = 0;
    for (Section section : sections) {
      if (sections.size() > 1) {
        required("interactive.action.sections[].title", section.title(), SECTION_TITLE_MAX);
      } else {
        optional("interactive.action.sections[].title", section.title(), SECTION_TITLE_MAX);
      }
      if (section.rows().isEmpty()) {
        throw invalid("interactive list: every section needs at least one row");
      }
      for (Choice row : section.rows()) {
        required("interactive.action.sections[].rows[].id", row.id(), ID_MAX);
        required("interactive.action.sections[].rows[].title", row.title(), ROW_TITLE_MAX);
        optional(
            "interactive.action.sections[].rows[].description",
            row.description(),
            ROW_DESCRIPTION_MAX);
        if (!ids.add(row.id())) {
          throw invalid("interactive list rows need distinct ids");
        }
        rows++;
      }
    }
    if (rows > MAX_ROWS) {
      throw invalid("interactive list: at most " + MAX_ROWS + " rows in all");
    }
  }

  private static void required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw invalid(field + " is required");
    }
    optional(field, value, max);
  }

  private static void optional(String field, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw invalid(field + " is longer than " + max + " characters");
    }
  }

  private static String string(JsonObject json, String key) {
    JsonValue value = json.get(key);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof jakarta.json.JsonString s) {
      return s.getString();
    }
    throw invalid("interactive: " + key + " must be a string");
  }

  private static JsonArray array(JsonObject json, String key) {
    if (json.get(key) instanceof JsonArray a) {
      return a;
    }
    throw invalid("interactive: " + key + " must be an array");
  }

  private static InvalidInputException invalid(String message) {
    return new InvalidInputException("invalid_interactive", message);
  }
}
