package org.ventanilla.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuotedHistoryTest {

  @Test
  void gmailSpanishQuoteIsFolded() {
    QuotedHistory.Split split =
        QuotedHistory.text(
            "Aquí va la foto.\n\nEl mar, 24 nov 2026 a las 12:00, Soporte <support@example.com> escribió:\n> ¿Nos envía el recibo?\n");
    assertEquals("Aquí va la foto.", split.fresh());
    assertTrue(split.quoted().startsWith("El mar, 24 nov"));
  }

  @Test
  void englishAndOutlookQuotesAreFolded() {
    assertEquals(
        "Thanks!", QuotedHistory.text("Thanks!\n\nOn Tue, Nov 24, 2026 Ana wrote:\n> hi").fresh());
    QuotedHistory.Split outlook =
        QuotedHistory.text(
            "Perfecto.\n\nDe: Soporte <support@example.com>\nEnviado: martes, 24 de noviembre\nPara: Emma\nAsunto: Re");
    assertEquals("Perfecto.", outlook.fresh());
    assertTrue(outlook.quoted().startsWith("De: Soporte"));
    assertEquals("Ok", QuotedHistory.text("Ok\n-----Original Message-----\nFrom: x").fresh());
  }

  @Test
  void trailingAngleQuotesAreFolded() {
    QuotedHistory.Split split = QuotedHistory.text("Sí, gracias.\n> pregunta\n> anterior");
    assertEquals("Sí, gracias.", split.fresh());
    assertEquals("> pregunta\n> anterior", split.quoted());
  }

  @Test
  void textWithoutQuotesStaysWhole() {
    QuotedHistory.Split split = QuotedHistory.text("Hola,\nmi pedido no llegó.");
    assertEquals("Hola,\nmi pedido no llegó.", split.fresh());
    assertNull(split.quoted());
  }

  @Test
  void aMailThatIsOnlyAQuoteIsNotFoldedAway() {
    QuotedHistory.Split split = QuotedHistory.text("> solo cita");
    assertEquals("> solo cita", split.fresh());
    assertNull(split.quoted());
  }

  @Test
  void gmailHtmlQuoteBlockIsFolded() {
    QuotedHistory.Split split =
        QuotedHistory.html(
            "<div dir=\"ltr\">Nuevo texto</div><div class=\"gmail_quote\"><blockquote>viejo</blockquote></div>");
    assertTrue(split.fresh().contains("Nuevo texto"));
    assertFalse(split.fresh().contains("viejo"));
    assertTrue(split.quoted().contains("viejo"));
  }
}
