package org.ventanilla.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.Markdown;

class MailBodyTest {

  private static final Instant AT = Instant.parse("2026-12-01T09:30:00Z");

  @Test
  @DisplayName("Text part: the reply, the signature after '-- ', the mail answered as '> ' lines")
  void textPart() {
    MailBody body =
        MailBody.of(
            "Hola **Lucía**",
            Markdown.html("Hola **Lucía**"),
            "Ana\nSoporte",
            new MailBody.Quote(
                AT,
                "Lucía <lucia@example.com>",
                "Mi pedido\n> viejo",
                null,
                Locale.ENGLISH,
                ZoneId.of("UTC")));

    assertEquals(
        "Hola *Lucía*\n\n-- \nAna\nSoporte\n\n"
            + "On Dec 1, 2026, 9:30 AM, Lucía <lucia@example.com> wrote:\n"
            + "> Mi pedido\n>> viejo\n",
        body.text().replace('\u202f', ' '));
  }

  @Test
  @DisplayName("HTML part: the rendered reply, the signature, the answered mail in a blockquote")
  void htmlPart() {
    MailBody body =
        MailBody.of(
            "Hola **Lucía**",
            Markdown.html("Hola **Lucía**"),
            "Ana",
            new MailBody.Quote(
                AT,
                "Lucía",
                "texto",
                "<p>Mi <b>pedido</b></p><script>alert(1)</script>",
                Locale.forLanguageTag("es"),
                ZoneId.of("Europe/Madrid")));

    assertTrue(body.html().contains("<strong>Lucía</strong>"), body.html());
    assertTrue(body.html().contains("class=\"mail-signature\">-- <br />"), body.html());
    assertTrue(body.html().contains("El 1 dic 2026 10:30, Lucía escribió:"), body.html());
    assertTrue(
        body.html().contains("<blockquote type=\"cite\" class=\"mail-quote\"><p>Mi <b>pedido</b>"),
        body.html());
    assertFalse(body.html().contains("<script"), body.html());
  }

  @Test
  @DisplayName("A mail answered that had only HTML is quoted by its text in the text part")
  void htmlOnlyQuotedAsText() {
    MailBody body =
        MailBody.of(
            "Ok",
            Markdown.html("Ok"),
            null,
            new MailBody.Quote(
                AT,
                "a@example.com",
                null,
                "<p>Solo <i>html</i></p>",
                Locale.ENGLISH,
                ZoneId.of("UTC")));

    assertTrue(body.text().endsWith("wrote:\n> Solo html\n"), body.text());
    assertFalse(body.text().contains("-- "), body.text());
  }
}
