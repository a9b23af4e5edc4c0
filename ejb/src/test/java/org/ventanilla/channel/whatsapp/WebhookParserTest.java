package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.channel.whatsapp.WebhookEvents.Inbound;
import org.ventanilla.channel.whatsapp.WebhookEvents.StatusUpdate;

class WebhookParserTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = WebhookParserTest.class.getResourceAsStream("/whatsapp/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, Inbound> messages() throws IOException {
    return WebhookParser.parse(resource("messages.json")).messages().stream()
        .collect(Collectors.toMap(Inbound::wamid, Function.identity()));
  }

  @Test
  @DisplayName("every message of every entry and change is read, routed by its phone number id")
  void readsAllEntriesAndChanges() throws IOException {
    Map<String, Inbound> all = messages();
    assertEquals(16, all.size());
    assertEquals("106540352242922", all.get("wamid.TEXT").phoneNumberId());
    assertEquals("206540352242922", all.get("wamid.OTHERNUMBER").phoneNumberId());
    assertEquals("Kai", all.get("wamid.OTHERNUMBER").profileName());
    assertEquals(
        Set.of("106540352242922", "206540352242922"),
        WebhookParser.phoneNumberIds(resource("messages.json")));
  }

  @Test
  @DisplayName("text keeps accents and emoji, the sender, the profile name and the timestamp")
  void text() throws IOException {
    Inbound text = messages().get("wamid.TEXT");
    assertEquals("Hola, ¿dónde está mi pedido? 📦", text.text());
    assertEquals("34612345678", text.waId());
    assertEquals("Lucía García 😊", text.profileName());
    assertEquals(Instant.ofEpochSecond(1732406400), text.timestamp());
    assertNull(text.media());
  }

  @Test
  @DisplayName("image, document, audio, video and sticker name their media; a caption is the text")
  void media() throws IOException {
    Map<String, Inbound> all = messages();
    Inbound image = all.get("wamid.IMAGE");
    assertEquals("La caja llegó rota", image.text());
    assertEquals("1003383421387256", image.media().id());
    assertEquals("image/jpeg", image.media().mimeType());
    assertEquals("HgYmFlGdCqoSKnr8p/ohULSJ+XmVr8kkpYMc2vcw1g8=", image.media().sha256());
    Inbound document = all.get("wamid.DOCUMENT");
    assertEquals("../../etc/factura marzo.pdf", document.media().filename());
    assertEquals("[document: ../../etc/factura marzo.pdf]", document.text());
    assertEquals("[audio]", all.get("wamid.AUDIO").text());
    assertEquals("audio/ogg; codecs=opus", all.get("wamid.AUDIO").media().mimeType());
    assertEquals("4003383421387256", all.get("wamid.VIDEO").media().id());
    assertEquals("[sticker]", all.get("wamid.STICKER").text());
  }

  @Test
  @DisplayName("a path in a document's file name never survives into the name agents see")
  void documentNameLosesItsPath() throws IOException {
    Inbound document = messages().get("wamid.DOCUMENT");
    assertEquals(
        "factura marzo.pdf", MediaDownloader.displayName(document.media(), "document", "pdf"));
  }

  @Test
  @DisplayName("location, contacts, button and list replies, buttons and reactions read as text")
  void structuredTypes() throws IOException {
    Map<String, Inbound> all = messages();
    assertEquals(
        "[location] Puerta del Sol, Madrid (40.4168, -3.7038)", all.get("wamid.LOCATION").text());
    assertEquals("[contacts]\nJosé Pérez +34 600 111 222", all.get("wamid.CONTACTS").text());
    assertEquals("Sí, gracias [si]", all.get("wamid.BUTTONREPLY").text());
    assertEquals("Envío urgente — 24 horas [envio-24]", all.get("wamid.LISTREPLY").text());
    assertEquals("Dejar de recibir [STOP]", all.get("wamid.BUTTON").text());
    assertEquals("wamid.TEMPLATE", all.get("wamid.BUTTON").contextWamid());
    assertEquals("[reaction 👍] to wamid.OURS", all.get("wamid.REACTION").text());
  }

  @Test
  @DisplayName("a reply carries the id of the message it answers")
  void replyContext() throws IOException {
    Inbound reply = messages().get("wamid.REPLY");
    assertEquals("Perfecto", reply.text());
    assertEquals("wamid.OURS", reply.contextWamid());
  }

  @Test
  @DisplayName("unsupported and unknown types are recorded as such with their raw JSON")
  void unknownTypesAreKept() throws IOException {
    Map<String, Inbound> all = messages();
    String unsupported = all.get("wamid.UNSUPPORTED").text();
    assertTrue(unsupported.startsWith("[unsupported message type: unsupported]\n"), unsupported);
    assertTrue(unsupported.contains("131051"), unsupported);
    String order = all.get("wamid.ORDER").text();
    assertTrue(order.startsWith("[unsupported message type: order]\n"), order);
    assertTrue(order.contains("\"catalog_id\":\"1\""), order);
  }

  @Test
  @DisplayName("statuses name our message, the status and, for failures, Meta's code and title")
  void statuses() throws IOException {
    var statuses = WebhookParser.parse(resource("statuses.json")).statuses();
    assertEquals(3, statuses.size());
    StatusUpdate read = statuses.get(0);
    assertEquals("wamid.OUT1", read.wamid());
    assertEquals("read", read.status());
    assertEquals(Instant.ofEpochSecond(1732406600), read.timestamp());
    assertNull(read.error());
    assertEquals("delivered", statuses.get(1).status());
    StatusUpdate failed = statuses.get(2);
    assertEquals("failed", failed.status());
    assertTrue(
        failed.error().startsWith("(131047) Re-engagement message: Message failed"),
        failed.error());
  }

  @Test
  @DisplayName("a malformed body gives no routing hint instead of an error")
  void malformedBodyHasNoHint() {
    assertEquals(Set.of(), WebhookParser.phoneNumberIds("{not json"));
    assertEquals(Set.of(), WebhookParser.phoneNumberIds("[1,2]"));
  }

  @Test
  @DisplayName("a body that is not a JSON object, or nested 10,000 deep, is named malformed")
  void malformedBodiesAreRecognised() {
    assertTrue(WebhookParser.malformation("{not json").isPresent());
    assertTrue(WebhookParser.malformation("[1,2]").isPresent());
    assertTrue(WebhookParser.malformation("").isPresent());
    assertTrue(
        WebhookParser.malformation("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))
            .isPresent());
    assertTrue(WebhookParser.malformation("[".repeat(10_000) + "]".repeat(10_000)).isPresent());
    assertTrue(WebhookParser.malformation("{\"entry\":\"odd but an object\"}").isEmpty());
  }

  @Test
  @DisplayName(
      "Meta's template webhooks (status and category updates) are read with their account id")
  void templateUpdates() {
    var events =
        WebhookParser.parse(
            """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1733562000,
             "changes":[{"field":"message_template_status_update","value":{"event":"APPROVED",
              "message_template_id":1234567890,"message_template_name":"order_update",
              "message_template_language":"es","reason":"NONE","message_template_category":"UTILITY"}},
             {"field":"template_category_update","value":{"message_template_id":1234567890,
              "message_template_name":"order_update","message_template_language":"es",
              "previous_category":"UTILITY","new_category":"MARKETING"}}]}]}""");
    assertEquals(0, events.messages().size());
    var status = events.templates().get(0);
    assertEquals("102290129340398", status.wabaId());
    assertEquals("1234567890", status.templateId());
    assertEquals("order_update", status.name());
    assertEquals("es", status.language());
    assertEquals("APPROVED", status.status());
    var category = events.templates().get(1);
    assertNull(category.status());
    assertEquals("MARKETING", category.category());
  }
}
