package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WhatsAppTemplateViewTest {

  @Test
  void aTemplateViewSurvivesSerializationWithItsComponents() throws Exception {
    WhatsAppTemplateView view =
        new WhatsAppTemplateView(
            7,
            3,
            "pedido_listo",
            "es",
            1,
            "Hola {{1}}",
            "APPROVED",
            "UTILITY",
            Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "BODY").add("text", "Hola {{1}}"))
                .build(),
            OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(view);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(view, in.readObject());
    }
  }
}
