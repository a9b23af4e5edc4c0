package org.ventanilla.channel.whatsapp;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.time.OffsetDateTime;
import org.ventanilla.common.Times;

/**
 * A template as the API shows it: Meta's {@code status} (only APPROVED ones can be sent), {@code
 * category} and {@code components} (as the account lists them; empty for one typed in by hand).
 */
public record WhatsAppTemplateView(
    long id,
    long channelId,
    String name,
    String language,
    int parameterCount,
    String text,
    String status,
    String category,
    JsonArray components,
    OffsetDateTime syncedAt)
    implements Serializable {

  static WhatsAppTemplateView of(WhatsAppTemplate t) {
    return new WhatsAppTemplateView(
        t.getId(),
        t.getChannel().getId(),
        t.getName(),
        t.getLanguage(),
        t.getParameterCount(),
        t.getText(),
        t.getStatus(),
        t.getCategory(),
        components(t.getComponentsJson()),
        t.getSyncedAt() == null ? null : Times.utc(t.getSyncedAt()));
  }

  /**
   * JSON-P's arrays do not serialize, and a page keeps these views in its (clustered) session: the
   * view travels as {@link Serialized}, its components as JSON text.
   */
  private Object writeReplace() {
    return new Serialized(
        id,
        channelId,
        name,
        language,
        parameterCount,
        text,
        status,
        category,
        components.toString(),
        syncedAt);
  }

  private record Serialized(
      long id,
      long channelId,
      String name,
      String language,
      int parameterCount,
      String text,
      String status,
      String category,
      String components,
      OffsetDateTime syncedAt)
      implements Serializable {
    private Object readResolve() {
      return new WhatsAppTemplateView(
          id,
          channelId,
          name,
          language,
          parameterCount,
          text,
          status,
          category,
          WhatsAppTemplateView.components(components),
          syncedAt);
    }
  }

  private static JsonArray components(String json) {
    if (json == null) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }
}
