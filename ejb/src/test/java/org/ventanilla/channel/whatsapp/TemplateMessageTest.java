package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.ticket.TemplateReply;

class TemplateMessageTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  /** Meta's example: an image header, a body with two variables, a footer, a URL and a reply. */
  static final String ORDER =
      """
      {"name":"order_update","language":"es","status":"APPROVED","category":"UTILITY","id":"5544",
       "components":[
        {"type":"HEADER","format":"IMAGE","example":{"header_handle":["4::aW1hZ2U="]}},
        {"type":"BODY","text":"Hola {{1}}, tu pedido {{2}} está en camino.",
         "example":{"body_text":[["Lucía","A-17"]]}},
        {"type":"FOOTER","text":"Tienda Ventanilla"},
        {"type":"BUTTONS","buttons":[
          {"type":"URL","text":"Ver pedido","url":"https://shop.example/orders/{{1}}",
           "example":["https://shop.example/orders/A-17"]},
          {"type":"QUICK_REPLY","text":"Hablar con alguien"},
          {"type":"PHONE_NUMBER","text":"Llamar","phone_number":"+34910000000"}]}]}""";

  static WhatsAppTemplate synced(String json) {
    return WhatsAppTemplate.synced(
        null, AccountTemplate.of(Json.createReader(new StringReader(json)).readObject()), NOW);
  }

  private static TemplateReply reply(
      List<String> body, String media, List<TemplateReply.Button> buttons) {
    return new TemplateReply("order_update", "es", body, null, media, null, buttons);
  }

  @Test
  @DisplayName(
      "a synced template goes out with Meta's components: header image by link, body variables,"
          + " the URL button's variable and the quick reply's payload")
  void buildsMetaComponents() {
    TemplateMessage m =
        TemplateMessage.of(
            synced(ORDER),
            reply(
                List.of("Lucía", "A-17"),
                "https://cdn.example/p.jpg",
                List.of(
                    new TemplateReply.Button(0, "A-17", null),
                    new TemplateReply.Button(1, null, "human"))));
    assertEquals(
        "[{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.example/p.jpg\"}}]},"
            + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Lucía\"},{\"type\":\"text\",\"text\":\"A-17\"}]},"
            + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\",\"text\":\"A-17\"}]},"
            + "{\"type\":\"button\",\"sub_type\":\"quick_reply\",\"index\":\"1\",\"parameters\":[{\"type\":\"payload\",\"payload\":\"human\"}]}]",
        m.components().toString());
    assertEquals(
        "[image]\nHola Lucía, tu pedido A-17 está en camino.\nTienda Ventanilla\n[Ver pedido]"
            + "\n[Hablar con alguien]\n[Llamar]",
        m.text());
  }

  @Test
  @DisplayName(
      "a media header, a URL variable and the body's count are required; phone buttons take no"
          + " parameter; unknown buttons are refused")
  void refusesWhatDoesNotFit() {
    WhatsAppTemplate t = synced(ORDER);
    List<TemplateReply.Button> url = List.of(new TemplateReply.Button(0, "A-17", null));
    assertThrows(
        InvalidInputException.class,
        () -> TemplateMessage.of(t, reply(List.of("Lucía", "A-17"), null, url)));
    assertThrows(
        InvalidInputException.class,
        () -> TemplateMessage.of(t, reply(List.of("Lucía", "A-17"), "https://x/p.jpg", null)));
    assertThrows(
        InvalidInputException.class,
        () -> TemplateMessage.of(t, reply(List.of("Lucía"), "https://x/p.jpg", url)));
    assertThrows(
        InvalidInputException.class,
        () ->
            TemplateMessage.of(
                t,
                reply(
                    List.of("Lucía", "A-17"),
                    "https://x/p.jpg",
                    List.of(
                        new TemplateReply.Button(0, "A-17", null),
                        new TemplateReply.Button(2, "x", null)))));
    assertThrows(
        InvalidInputException.class,
        () ->
            TemplateMessage.of(
                t,
                reply(
                    List.of("Lucía", "A-17"),
                    "https://x/p.jpg",
                    List.of(
                        new TemplateReply.Button(0, "A-17", null),
                        new TemplateReply.Button(7, "x", null)))));
  }

  @Test
  @DisplayName("only an APPROVED template can be sent; a status webhook changes that")
  void onlyApproved() {
    WhatsAppTemplate t = synced(ORDER.replace("\"APPROVED\"", "\"PENDING\""));
    TemplateReply r =
        reply(
            List.of("Lucía", "A-17"), "123456", List.of(new TemplateReply.Button(0, "A-17", null)));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> TemplateMessage.of(t, r));
    assertEquals("template_not_approved", e.code());
    t.changeStatus("APPROVED");
    JsonObject header = TemplateMessage.of(t, r).components().getJsonObject(0);
    assertEquals(
        "123456",
        header.getJsonArray("parameters").getJsonObject(0).getJsonObject("image").getString("id"));
    t.changeStatus("PAUSED");
    assertThrows(InvalidInputException.class, () -> TemplateMessage.of(t, r));
    t.changeStatus("REINSTATED");
    assertTrue(t.isApproved());
  }

  @Test
  @DisplayName("named body variables go out with their parameter_name; a hand-typed one as before")
  void namedAndHandTyped() {
    WhatsAppTemplate named =
        synced(
            """
            {"name":"hola","language":"en_US","status":"APPROVED","category":"MARKETING",
             "parameter_format":"NAMED",
             "components":[{"type":"BODY","text":"Hi {{first_name}}, {{first_name}} again"}]}""");
    TemplateMessage m =
        TemplateMessage.of(
            named, new TemplateReply("hola", "en_US", List.of("Ann"), null, null, null, null));
    assertEquals(
        "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"parameter_name\":\"first_name\",\"text\":\"Ann\"}]}]",
        m.components().toString());
    assertEquals("Hi Ann, Ann again", m.text());

    WhatsAppTemplate typed = new WhatsAppTemplate(null, "seguimiento", "es", 1, "Hola {{1}}", NOW);
    TemplateMessage old =
        TemplateMessage.of(typed, TemplateReply.of("seguimiento", "es", List.of("Marta")));
    assertNull(old.components());
    assertEquals("Hola Marta", old.text());
  }

  @Test
  @DisplayName("the next page is asked for only while Meta announces one")
  void paging() {
    assertEquals(
        "QVFI",
        TemplateSync.nextCursor(
            Json.createReader(
                    new StringReader(
                        "{\"data\":[],\"paging\":{\"cursors\":{\"before\":\"QVFA\",\"after\":\"QVFI\"},"
                            + "\"next\":\"https://graph.facebook.com/v21.0/1/message_templates?after=QVFI\"}}"))
                .readObject()));
    assertNull(
        TemplateSync.nextCursor(
            Json.createReader(
                    new StringReader(
                        "{\"data\":[],\"paging\":{\"cursors\":{\"before\":\"QVFA\",\"after\":\"QVFI\"}}}"))
                .readObject()));
  }
}
