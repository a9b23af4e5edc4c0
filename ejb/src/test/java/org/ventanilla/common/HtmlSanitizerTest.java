package org.ventanilla.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

  @Test
  void scriptsAndEventHandlersAreRemoved() {
    String clean =
        HtmlSanitizer.sanitize(
            "<p onclick=\"steal()\">Hola</p><script>alert(1)</script><img src=x onerror=alert(2)>");
    assertTrue(clean.contains("Hola"));
    assertFalse(clean.contains("script"));
    assertFalse(clean.contains("onclick"));
    assertFalse(clean.contains("onerror"));
  }

  @Test
  void javascriptLinksAreRemovedButOrdinaryLinksStay() {
    String clean =
        HtmlSanitizer.sanitize(
            "<a href=\"javascript:alert(1)\">x</a><a href=\"https://example.com\">y</a>");
    assertFalse(clean.contains("javascript:"));
    assertTrue(clean.contains("https://example.com"));
    assertTrue(clean.contains("nofollow"));
  }

  @Test
  void formattingAndTablesSurvive() {
    String clean = HtmlSanitizer.sanitize("<b>negrita</b><table><tr><td>1</td></tr></table>");
    assertTrue(clean.contains("<b>negrita</b>"));
    assertTrue(clean.contains("<td>1</td>"));
  }

  @Test
  void formsAndIframesAreRemoved() {
    String clean =
        HtmlSanitizer.sanitize("<form action=\"https://evil\"><input name=p></form><iframe src=x>");
    assertFalse(clean.contains("form"));
    assertFalse(clean.contains("iframe"));
  }

  @Test
  void noHtmlStaysNoHtml() {
    assertNull(HtmlSanitizer.sanitize(null));
  }
}
