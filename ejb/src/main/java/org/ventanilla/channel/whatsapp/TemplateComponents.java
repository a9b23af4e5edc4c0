package org.ventanilla.channel.whatsapp;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.ventanilla.ticket.ReplyTemplate;

/**
 * A template's components as Meta lists them ({@code HEADER} with its {@code format}, {@code BODY},
 * {@code FOOTER}, {@code BUTTONS}), read into what the composer offers and the send needs.
 */
public record TemplateComponents(
    String headerFormat,
    String headerText,
    String bodyText,
    String footerText,
    List<Button> buttons) {

  /**
   * One button, by its 0-based {@code index}: {@code QUICK_REPLY}, {@code URL} (its {@code url} may
   * end in a variable), {@code PHONE_NUMBER}, {@code COPY_CODE}...
   */
  public record Button(int index, String type, String text, String url, String phoneNumber) {

    /** Whether the send must give this button a parameter. */
    public boolean needsParameter() {
      return ("URL".equals(type) && url != null && url.contains("{{")) || "COPY_CODE".equals(type);
    }

    /** Whether the send may give this button a parameter. */
    public boolean takesParameter() {
      return needsParameter() || "QUICK_REPLY".equals(type);
    }
  }

  static final TemplateComponents NONE = new TemplateComponents(null, null, null, null, List.of());

  public static TemplateComponents parse(String json) {
    if (json == null || json.isBlank()) {
      return NONE;
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return of(reader.readArray());
    }
  }

  public static TemplateComponents of(JsonArray components) {
    String headerFormat = null;
    String headerText = null;
    String body = null;
    String footer = null;
    List<Button> buttons = new ArrayList<>();
    for (JsonValue value : components) {
      if (!(value instanceof JsonObject c)) {
        continue;
      }
      switch (upper(string(c, "type"))) {
        case "HEADER" -> {
          headerFormat = upper(string(c, "format"));
          headerText = "TEXT".equals(headerFormat) ? string(c, "text") : null;
        }
        case "BODY" -> body = string(c, "text");
        case "FOOTER" -> footer = string(c, "text");
        case "BUTTONS" -> {
          if (c.get("buttons") instanceof JsonArray list) {
            for (JsonValue b : list) {
              if (b instanceof JsonObject button) {
                buttons.add(
                    new Button(
                        buttons.size(),
                        upper(string(button, "type")),
                        string(button, "text"),
                        string(button, "url"),
                        string(button, "phone_number")));
              }
            }
          }
        }
        default -> {
          // Other kinds (carousel cards, limited-time offers) are kept in the JSON only.
        }
      }
    }
    return new TemplateComponents(headerFormat, headerText, body, footer, List.copyOf(buttons));
  }

  public List<String> bodyVariables() {
    return ReplyTemplate.variables(bodyText);
  }

  public List<String> headerVariables() {
    return ReplyTemplate.variables(headerText);
  }

  public boolean hasMediaHeader() {
    return headerFormat != null && List.of("IMAGE", "VIDEO", "DOCUMENT").contains(headerFormat);
  }

  private static String upper(String s) {
    return s == null ? "" : s.toUpperCase(java.util.Locale.ROOT);
  }

  private static String string(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : null;
  }
}
