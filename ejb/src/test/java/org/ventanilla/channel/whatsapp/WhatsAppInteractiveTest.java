package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.channel.whatsapp.WhatsAppInteractive.Choice;
import org.ventanilla.common.InvalidInputException;

class WhatsAppInteractiveTest {

  private static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  @Test
  @DisplayName("reply buttons leave in Meta's shape, addressed by phone number")
  void buttonsInMetasShape() {
    WhatsAppInteractive survey =
        WhatsAppInteractive.buttons(
                "¿Resolvimos tu consulta?",
                List.of(new Choice("yes", "Sí"), new Choice("no", "No")))
            .withFooter("Ventanilla");
    JsonObject body = json(survey.messageBody(WhatsAppSender.Recipient.phone("+34612345678")));
    assertEquals("34612345678", body.getString("to"));
    assertFalse(body.containsKey("recipient"));
    assertEquals("interactive", body.getString("type"));
    JsonObject interactive = body.getJsonObject("interactive");
    assertEquals("button", interactive.getString("type"));
    assertEquals("¿Resolvimos tu consulta?", interactive.getJsonObject("body").getString("text"));
    assertEquals("Ventanilla", interactive.getJsonObject("footer").getString("text"));
    JsonObject second =
        interactive.getJsonObject("action").getJsonArray("buttons").getJsonObject(1);
    assertEquals("reply", second.getString("type"));
    assertEquals("no", second.getJsonObject("reply").getString("id"));
    assertEquals("No", second.getJsonObject("reply").getString("title"));
  }

  @Test
  @DisplayName("a list reads back from Meta's JSON unchanged and goes to a BSUID as recipient")
  void listRoundTripsToBsuid() {
    String meta =
        "{\"type\":\"list\",\"header\":{\"type\":\"text\",\"text\":\"Envíos\"},"
            + "\"body\":{\"text\":\"Elige\"},\"action\":{\"button\":\"Opciones\",\"sections\":["
            + "{\"title\":\"A\",\"rows\":[{\"id\":\"a1\",\"title\":\"Uno\",\"description\":\"d\"}]},"
            + "{\"title\":\"B\",\"rows\":[{\"id\":\"b1\",\"title\":\"Dos\"}]}]}}";
    WhatsAppInteractive list = WhatsAppInteractive.parse(meta);
    assertEquals(json(meta), list.toJson());
    assertEquals(List.of("a1", "b1"), list.choices().stream().map(Choice::id).toList());
    JsonObject body =
        json(list.messageBody(WhatsAppSender.Recipient.of("US.13491208655302741918")));
    assertEquals("US.13491208655302741918", body.getString("recipient"));
    assertFalse(body.containsKey("to"));
  }

  @Test
  @DisplayName("Meta's limits are refused here with invalid_interactive")
  void limitsRefused() {
    List<Choice> four =
        List.of(
            new Choice("1", "a"), new Choice("2", "b"), new Choice("3", "c"), new Choice("4", "d"));
    assertCode(() -> WhatsAppInteractive.buttons("x", four));
    assertCode(() -> WhatsAppInteractive.buttons("x", List.of()));
    assertCode(() -> WhatsAppInteractive.buttons("x", List.of(new Choice("1", "a".repeat(21)))));
    assertCode(() -> WhatsAppInteractive.buttons(" ", List.of(new Choice("1", "a"))));
    assertCode(
        () ->
            WhatsAppInteractive.buttons("x", List.of(new Choice("1", "a"), new Choice("1", "b"))));
    List<Choice> eleven =
        java.util.stream.IntStream.range(0, 11)
            .mapToObj(i -> new Choice("r" + i, "t" + i))
            .toList();
    assertCode(() -> WhatsAppInteractive.list("x", "Ver", eleven));
    assertTrue(WhatsAppInteractive.list("x", "Ver", eleven.subList(0, 10)).choices().size() == 10);
    assertCode(
        () -> WhatsAppInteractive.parse("{\"type\":\"carousel\",\"body\":{\"text\":\"x\"}}"));
    assertCode(() -> WhatsAppInteractive.parse("[]"));
    assertCode(
        () ->
            WhatsAppInteractive.parse(
                "{\"type\":\"button\",\"body\":{\"text\":\"x\"},\"action\":{\"buttons\":[1]}}"));
  }

  private static void assertCode(org.junit.jupiter.api.function.Executable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call);
    assertEquals("invalid_interactive", e.code());
  }
}
