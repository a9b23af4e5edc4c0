package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.ticket.FileFacts;

class WhatsAppMediaTest {

  private static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  @Test
  @DisplayName("each type goes as Meta's kind for it; anything else is a document")
  void kinds() {
    assertEquals("image", WhatsAppMedia.kindOf("image/png").name());
    assertEquals("video", WhatsAppMedia.kindOf("video/3gpp").name());
    assertEquals("audio", WhatsAppMedia.kindOf("audio/ogg").name());
    assertEquals("sticker", WhatsAppMedia.kindOf("image/webp").name());
    assertEquals("document", WhatsAppMedia.kindOf("application/pdf").name());
    assertEquals("document", WhatsAppMedia.kindOf("image/gif").name());
  }

  @Test
  @DisplayName("an image over 5 MB is refused naming the limit; a 90 MB PDF fits")
  void limits() {
    InvalidInputException refused =
        assertThrows(
            InvalidInputException.class,
            () ->
                WhatsAppMedia.requireFits(
                    List.of(new FileFacts("foto.png", "image/png", 5 * 1024 * 1024 + 1))));
    assertEquals("file_too_large", refused.code());
    assertTrue(refused.getMessage().contains("5 MB"), refused.getMessage());
    WhatsAppMedia.requireFits(
        List.of(new FileFacts("manual.pdf", "application/pdf", 90L * 1024 * 1024)));
    assertThrows(
        InvalidInputException.class,
        () ->
            WhatsAppMedia.requireFits(List.of(new FileFacts("s.webp", "image/webp", 600 * 1024))));
  }

  @Test
  @DisplayName("a media message keeps the text message's addressing; a document has its filename")
  void mediaBody() {
    JsonObject text = json(WhatsAppSender.textBody("34600111222", "Aquí va"));

    JsonObject image =
        json(
            WhatsAppMedia.mediaBody(
                text, new WhatsAppMedia.File("a.png", "image/png", Path.of("x")), "M1", "Aquí va"));
    JsonObject document =
        json(
            WhatsAppMedia.mediaBody(
                text,
                new WhatsAppMedia.File("factura.pdf", "application/pdf", Path.of("y")),
                "M2",
                null));

    assertEquals("34600111222", image.getString("to"));
    assertEquals("whatsapp", image.getString("messaging_product"));
    assertEquals("image", image.getString("type"));
    assertFalse(image.containsKey("text"));
    assertEquals("M1", image.getJsonObject("image").getString("id"));
    assertEquals("Aquí va", image.getJsonObject("image").getString("caption"));
    assertEquals("factura.pdf", document.getJsonObject("document").getString("filename"));
    assertFalse(document.getJsonObject("document").containsKey("caption"));
  }
}
