package org.ventanilla.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  @DisplayName("words are folded: lower case, no accents")
  void folding() {
    assertEquals(List.of("accion", "nunez"), SearchQuery.parse("Acción  NÚÑEZ").words());
    assertEquals("ä".length(), SearchQuery.fold("ä").length());
  }

  @Test
  @DisplayName("1042 and #1042 are a ticket number; a phone in any format gives its digits")
  void numbersAndPhones() {
    assertEquals(1042L, SearchQuery.parse("#1042").number());
    assertEquals(1042L, SearchQuery.parse("1042").number());
    assertNull(SearchQuery.parse("1042").phoneDigits());
    assertEquals("34612345678", SearchQuery.parse("(+34) 612-345 678").phoneDigits());
    assertNull(SearchQuery.parse("pedido 612").phoneDigits());
    assertTrue(SearchQuery.parse("  ").isEmpty());
  }

  @Test
  @DisplayName("the highlight escapes HTML and marks matches whatever their accents")
  void highlight() {
    assertEquals(
        "La <mark>ACCIÓN</mark> &lt;b&gt; va",
        Highlighter.highlight("La ACCIÓN <b> va", List.of("accion")));
    assertEquals(
        "mis <mark>pedidos</mark>", Highlighter.highlight("mis pedidos", List.of("pedido")));
    assertEquals("nada &amp; más", Highlighter.highlight("nada & más", List.of("zzz")));
  }

  @Test
  @DisplayName("a long text is cut around the first match")
  void excerpt() {
    String text = "x ".repeat(200) + "aquí está " + "y ".repeat(200);
    String highlight = Highlighter.highlight(text, List.of("aqui"));
    assertTrue(highlight.startsWith("…"));
    assertTrue(highlight.contains("<mark>aquí</mark> está"));
    assertTrue(highlight.endsWith("…"));
  }
}
