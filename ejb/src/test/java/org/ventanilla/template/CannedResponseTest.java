package org.ventanilla.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.InvalidInputException;

class CannedResponseTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  @DisplayName("known variables are filled, unknown ones stay visible, $ and \\ are plain text")
  void fillsVariables() {
    var response =
        new CannedResponse(
            "Saludo",
            "/saludo",
            "Hola {{customer.name}}, soy {{ agent.name }} (#{{ticket.number}}) {{other}}",
            null,
            NOW);

    String text =
        response.fill(
            Map.of("customer.name", "Lucía $1 \\", "agent.name", "Ana", "ticket.number", "1001"));

    assertEquals("Hola Lucía $1 \\, soy Ana (#1001) {{other}}", text);
    assertEquals("saludo", response.getShortcut(), "a leading slash is not part of the shortcut");
  }

  @Test
  @DisplayName("a shortcut is one word")
  void shortcutIsOneWord() {
    assertThrows(
        InvalidInputException.class, () -> new CannedResponse("x", "dos palabras", "y", null, NOW));
  }
}
