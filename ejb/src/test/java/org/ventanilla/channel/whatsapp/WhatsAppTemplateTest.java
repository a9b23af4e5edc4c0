package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.InvalidInputException;

class WhatsAppTemplateTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  private static WhatsAppTemplate template(int count, String text) {
    return new WhatsAppTemplate(null, "seguimiento", "es", count, text, NOW);
  }

  @Test
  @DisplayName("parameters fill their placeholders, in any order and with $ or \\ kept literally")
  void fillsPlaceholders() {
    WhatsAppTemplate t = template(2, "Hola {{1}}, tu pedido {{2}} sigue en camino, {{1}}.");
    assertEquals(
        "Hola Lucía, tu pedido $12\\3 sigue en camino, Lucía.", t.fill(List.of("Lucía", "$12\\3")));
  }

  @Test
  @DisplayName("a parameter count that does not match the text is refused when registering")
  void countMustMatchText() {
    assertThrows(InvalidInputException.class, () -> template(1, "Hola {{1}} y {{2}}"));
    assertThrows(InvalidInputException.class, () -> template(2, "Hola {{1}}"));
    assertEquals("Sin parámetros", template(0, "Sin parámetros").fill(null));
  }

  @Test
  @DisplayName("sending with too few, too many or empty parameters is refused")
  void sendCountMustMatch() {
    WhatsAppTemplate t = template(1, "Hola {{1}}");
    assertThrows(InvalidInputException.class, () -> t.fill(List.of()));
    assertThrows(InvalidInputException.class, () -> t.fill(List.of("a", "b")));
    assertThrows(InvalidInputException.class, () -> t.fill(List.of(" ")));
  }

  @Test
  @DisplayName("names and languages follow Meta's spelling")
  void namesAndLanguages() {
    assertThrows(
        InvalidInputException.class,
        () -> new WhatsAppTemplate(null, "Seguimiento!", "es", 0, "Hola", NOW));
    assertThrows(
        InvalidInputException.class,
        () -> new WhatsAppTemplate(null, "seguimiento", "spanish", 0, "Hola", NOW));
    assertEquals("en_US", new WhatsAppTemplate(null, "a_1", "en_US", 0, "Hi", NOW).getLanguage());
  }
}
