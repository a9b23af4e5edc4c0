package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.channel.SendResult;

class WhatsAppSenderTest {

  private static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  @Test
  @DisplayName("a text reply has the Cloud API's documented shape")
  void textBody() {
    JsonObject body = json(WhatsAppSender.textBody("34612345678", "Hola, ¿qué tal? 😊"));
    assertEquals("whatsapp", body.getString("messaging_product"));
    assertEquals("individual", body.getString("recipient_type"));
    assertEquals("34612345678", body.getString("to"));
    assertEquals("text", body.getString("type"));
    assertEquals("Hola, ¿qué tal? 😊", body.getJsonObject("text").getString("body"));
  }

  @Test
  @DisplayName("a template reply names the template, its language and the body parameters")
  void templateBody() {
    JsonObject body =
        json(WhatsAppSender.templateBody("34612345678", "seguimiento", "es", List.of("Lucía")));
    assertEquals("template", body.getString("type"));
    JsonObject template = body.getJsonObject("template");
    assertEquals("seguimiento", template.getString("name"));
    assertEquals("es", template.getJsonObject("language").getString("code"));
    JsonObject component = template.getJsonArray("components").getJsonObject(0);
    assertEquals("body", component.getString("type"));
    JsonObject parameter = component.getJsonArray("parameters").getJsonObject(0);
    assertEquals("text", parameter.getString("type"));
    assertEquals("Lucía", parameter.getString("text"));
  }

  @Test
  @DisplayName(
      "success keeps the wamid; 5xx and 429 are retried; other 4xx refused with Meta's code")
  void classifiesAnswers() {
    assertEquals(
        new SendResult.Sent("wamid.ABC"),
        WhatsAppSender.classify(
            200,
            "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"34612345678\","
                + "\"wa_id\":\"34612345678\"}],\"messages\":[{\"id\":\"wamid.ABC\"}]}"));
    assertTrue(WhatsAppSender.classify(503, "busy") instanceof SendResult.TryLater);
    assertTrue(WhatsAppSender.classify(429, "{}") instanceof SendResult.TryLater);
    SendResult refused =
        WhatsAppSender.classify(
            400,
            "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\","
                + "\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\","
                + "\"details\":\"More than 24 hours\"},\"fbtrace_id\":\"Az\"}}");
    assertEquals(
        new SendResult.Refused("(131047) (#131047) Re-engagement message: More than 24 hours"),
        refused);
    assertFalse(WhatsAppSender.classify(404, "not json") instanceof SendResult.TryLater);
  }
}
