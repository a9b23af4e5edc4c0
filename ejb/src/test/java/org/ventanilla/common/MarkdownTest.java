package org.ventanilla.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  @DisplayName("Bold, italic, links, lists, quotes and line breaks render to HTML")
  void theSubsetRendersToHtml() {
    String html =
        Markdown.html(
            "Hola **Ana**, *gracias*.\nSegunda línea\n\n- uno\n- [dos](https://example.com/x)\n\n> citado");

    assertTrue(html.contains("<strong>Ana</strong>"), html);
    assertTrue(html.contains("<em>gracias</em>"), html);
    assertTrue(html.contains("<br />"), html);
    assertTrue(html.contains("<ul><li>uno</li><li><a href=\"https://example.com/x\""), html);
    assertTrue(html.contains("<blockquote>"), html);
  }

  @Test
  @DisplayName("Raw HTML and script links never become markup: they stay the text typed")
  void htmlAndScriptLinksAreNeutralized() {
    String html = Markdown.html("<img src=x onerror=alert(1)> [click](javascript:alert(1))");

    assertFalse(html.contains("<img"), html);
    assertFalse(html.contains("javascript:"), html);
    assertTrue(html.contains("&lt;img"), html);
  }

  @Test
  @DisplayName("Headings and code blocks are not part of the subset")
  void headingsStayText() {
    String html = Markdown.html("# Pedido 42\n\n    indented");

    assertFalse(html.contains("<h1"), html);
    assertFalse(html.contains("<pre"), html);
    assertTrue(html.contains("# Pedido 42"), html);
  }

  @Test
  @DisplayName("Plain text (and WhatsApp) get *bold*, _italic_, dashes, '> ' and link addresses")
  void plainUsesWhatsAppMarks() {
    String plain =
        Markdown.plain(
            "Hola **Ana**, *gracias*.\nSegunda\n\n1. uno\n2. [dos](https://example.com/x)\n\n- a\n\n> citado\n> dos");

    assertEquals(
        "Hola *Ana*, _gracias_.\nSegunda\n\n1. uno\n2. dos (https://example.com/x)\n\n- a\n\n"
            + "> citado\n> dos",
        plain);
  }

  @Test
  @DisplayName("A bare address or a link to itself is written once")
  void selfLinksOnce() {
    assertEquals(
        "see https://example.com",
        Markdown.plain("see [https://example.com](https://example.com)"));
  }
}
