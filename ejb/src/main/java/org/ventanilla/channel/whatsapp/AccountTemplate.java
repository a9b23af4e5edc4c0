package org.ventanilla.channel.whatsapp;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** One template as {@code GET /{waba-id}/message_templates} lists it. */
public record AccountTemplate(
    String id, String name, String language, String status, String category, JsonArray components) {

  /** Null when the entry lacks a name or language (nothing to key it by). */
  static AccountTemplate of(JsonObject t) {
    String name = string(t, "name");
    String language = string(t, "language");
    if (name == null || name.isBlank() || language == null || language.isBlank()) {
      return null;
    }
    JsonArray components =
        t.get("components") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
    return new AccountTemplate(
        string(t, "id"), name, language, string(t, "status"), string(t, "category"), components);
  }

  TemplateComponents parts() {
    return TemplateComponents.of(components);
  }

  private static String string(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v instanceof JsonString s) {
      return s.getString();
    }
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v.toString();
  }
}
