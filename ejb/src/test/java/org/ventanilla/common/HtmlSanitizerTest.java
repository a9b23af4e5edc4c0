package org.ventanilla.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
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

  @Test
  @DisplayName("a mail's borrowed page classes are dropped, our own mail-* classes stay")
  void onlyOwnMailClassesSurvive() {
    String clean =
        HtmlSanitizer.sanitize(
            "<div class=\"ui-widget-overlay ui-dialog-mask\">tapa</div>"
                + "<span class=\"mail-signature ui-state-error\">firma</span>"
                + "<blockquote class=\"Mail-Quote\">cita</blockquote>");
    assertFalse(clean.contains("ui-"), clean);
    assertTrue(clean.contains("<div>tapa</div>"), clean);
    assertTrue(clean.contains("<span class=\"mail-signature\">firma</span>"), clean);
    assertTrue(clean.contains("class=\"mail-quote\""), clean);
  }

  @Test
  @DisplayName("a remote image keeps its address aside: the browser fetches nothing until asked")
  void remoteImagesAreHeld() {
    String clean =
        HtmlSanitizer.sanitize(
            "<p>Hola</p><img src=\"https://tracker.example/pixel.gif?u=ana\" width=\"1\">"
                + "<img src=\"http://example.com/logo.png\" alt=\"logo\">");
    assertFalse(clean.contains(" src="), clean);
    assertTrue(
        clean.contains("data-remote-src=\"https://tracker.example/pixel.gif?u&#61;ana\""), clean);
    assertTrue(clean.contains("data-remote-src=\"http://example.com/logo.png\""), clean);
    assertTrue(clean.contains("alt=\"logo\""), clean);
    assertTrue(HtmlSanitizer.holdsRemoteImages(clean));
  }

  @Test
  @DisplayName("an inline data: picture shows at once; scripts in disguise do not")
  void inlineImagesShowAndOtherSourcesGo() {
    String png =
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    String clean =
        HtmlSanitizer.sanitize(
            "<img src=\""
                + png
                + "\"><img src=\"javascript:alert(1)\">"
                + "<img src=\"data:text/html;base64,PHNjcmlwdD4=\"><a href=\"data:text/html,x\">l</a>");
    // The sanitizer writes '=' as a character reference, which the browser reads back as '='.
    assertTrue(clean.contains("src=\"" + png.replace("=", "&#61;") + "\""), clean);
    assertFalse(clean.contains("javascript"), clean);
    assertFalse(clean.contains("text/html"), clean);
    assertFalse(HtmlSanitizer.holdsRemoteImages(clean));
  }

  @Test
  @DisplayName("a text that only talks about data-remote-src holds no image")
  void textIsNotAnImage() {
    String clean = HtmlSanitizer.sanitize("<p> data-remote-src=\"x\" </p>");
    assertFalse(HtmlSanitizer.holdsRemoteImages(clean), clean);
  }

  @Test
  @DisplayName(
      "a cid: image points at our own download of that part; an unknown one loses its source")
  void inlinePartsPointAtOurStore() {
    String clean =
        HtmlSanitizer.sanitize(
            "<p>Foto<img src=\"cid:img1@gmail\" alt=\"foto\"><img src=\"cid:unknown@x\"></p>",
            cid -> cid.equals("img1@gmail") ? "api/v1/attachments/42" : null);
    assertTrue(clean.contains("<img src=\"api/v1/attachments/42\" alt=\"foto\" />"), clean);
    assertFalse(clean.contains("cid:"), clean);
    assertFalse(HtmlSanitizer.holdsRemoteImages(clean));
  }

  @Test
  @DisplayName(
      "text that looks like a cid: source is left alone, and a resolver cannot inject markup")
  void inlineRewriteTouchesOnlyImageSources() {
    String clean =
        HtmlSanitizer.sanitize(
            "<p> src=\"cid:a\" </p><img src=\"cid:a\">", cid -> "x\" onerror=\"alert(1)");
    assertFalse(clean.contains("onerror"), clean);
    assertTrue(clean.contains("<p> src&#61;&#34;cid:a&#34; </p>"), clean);
  }
}
