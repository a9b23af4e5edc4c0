package org.ventanilla.ticket;

import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds where a mail stops being new and starts quoting the conversation ("El lunes, Ana
 * escribió:", "-----Original Message-----", "> ...", Gmail's and Outlook's quote blocks), so the
 * timeline can fold the history away. The stored message is never changed.
 */
public final class QuotedHistory {

  private static final List<Pattern> MARKERS =
      List.of(
          Pattern.compile("(?im)^\\s*On\\b.{0,300}\\bwrote:\\s*$"),
          Pattern.compile("(?im)^\\s*El\\b.{0,300}\\bescribi[oó]:\\s*$"),
          Pattern.compile("(?im)^\\s*Le\\b.{0,300}\\ba [ée]crit\\s*:\\s*$"),
          Pattern.compile("(?im)^\\s*Am\\b.{0,300}\\bschrieb\\b.{0,100}:\\s*$"),
          Pattern.compile(
              "(?im)^\\s*-{2,}\\s*(Original Message|Mensaje original|Message d'origine|Ursprüngliche Nachricht)\\s*-{2,}"),
          Pattern.compile(
              "(?im)^\\s*(From|De|Von):\\s.+\\R(.*\\R){0,3}\\s*(Sent|Enviado|Date|Fecha|Gesendet):\\s"),
          Pattern.compile("(?m)^>.*(\\R>.*)*\\s*\\z"));

  private static final String HTML_QUOTES =
      "div.gmail_quote, blockquote[type=cite], div#divRplyFwdMsg, div#appendonsend,"
          + " div.moz-cite-prefix, div.yahoo_quoted";

  private QuotedHistory() {}

  /** A text split into what is new and what quotes earlier mail (null when nothing is quoted). */
  public record Split(String fresh, String quoted) {}

  public static Split text(String text) {
    if (text == null || text.isBlank()) {
      return new Split(text, null);
    }
    int cut = text.length();
    for (Pattern marker : MARKERS) {
      var m = marker.matcher(text);
      if (m.find() && m.start() < cut) {
        cut = m.start();
      }
    }
    String fresh = text.substring(0, cut).strip();
    if (cut >= text.length() || fresh.isEmpty()) {
      return new Split(text, null);
    }
    return new Split(fresh, text.substring(cut).strip());
  }

  /** The same split for HTML, at the first quote block the common mail clients write. */
  public static Split html(String html) {
    if (html == null || html.isBlank()) {
      return new Split(html, null);
    }
    Document doc = Jsoup.parseBodyFragment(html);
    Element quote = doc.body().selectFirst(HTML_QUOTES);
    if (quote == null) {
      return new Split(html, null);
    }
    String quoted = quote.outerHtml();
    // Everything after the quote block belongs to the history too (signatures of older mail).
    StringBuilder rest = new StringBuilder(quoted);
    for (Element sibling = quote.nextElementSibling(); sibling != null; ) {
      Element next = sibling.nextElementSibling();
      rest.append(sibling.outerHtml());
      sibling.remove();
      sibling = next;
    }
    quote.remove();
    String fresh = doc.body().html().strip();
    if (Jsoup.parse(fresh).text().isBlank()) {
      return new Split(html, null);
    }
    return new Split(fresh, rest.toString());
  }
}
