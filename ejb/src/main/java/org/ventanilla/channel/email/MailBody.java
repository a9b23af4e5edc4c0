package org.ventanilla.channel.email;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.ventanilla.common.HtmlSanitizer;
import org.ventanilla.common.Markdown;

/**
 * A reply's two bodies, as mail clients write them: what the agent wrote (Markdown, rendered), the
 * signature after the "-- " line, and the customer's previous mail quoted below ("> " lines in the
 * text part, a blockquote in the HTML part) under "On <date>, <name> wrote:" in the reader's
 * language.
 */
public record MailBody(String text, String html) {

  /**
   * The mail being answered: when and by whom, its text and (if it had one) its HTML; {@code
   * locale} and {@code zone} say how its date is written.
   */
  public record Quote(
      Instant at, String author, String text, String html, Locale locale, ZoneId zone) {

    String intro() {
      String date =
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
              .withLocale(locale)
              .withZone(zone)
              .format(at);
      return "es".equals(locale.getLanguage())
          ? "El " + date + ", " + author + " escribió:"
          : "On " + date + ", " + author + " wrote:";
    }

    String plainText() {
      if (text != null && !text.isBlank()) {
        return text.strip();
      }
      return html == null ? "" : Jsoup.parse(html).wholeText().strip();
    }
  }

  /**
   * The reply as the agent wrote it ({@code markdown}) and as it was rendered when stored ({@code
   * html}, see Message#renderMarkdown); {@code signature} and {@code quote} may be null (none).
   */
  public static MailBody of(String markdown, String html, String signature, Quote quote) {
    StringBuilder text = new StringBuilder(Markdown.plain(markdown));
    StringBuilder page =
        new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
    page.append("<div class=\"mail-reply\">").append(html).append("</div>");
    if (signature != null && !signature.isBlank()) {
      text.append("\n\n-- \n").append(Markdown.plain(signature));
      page.append("<div class=\"mail-signature\">-- <br />")
          .append(Markdown.html(signature))
          .append("</div>");
    }
    if (quote != null) {
      String intro = quote.intro();
      text.append("\n\n").append(intro).append('\n');
      for (String line : quote.plainText().split("\\R", -1)) {
        text.append(line.startsWith(">") ? ">" : "> ").append(line).append('\n');
      }
      page.append("<div class=\"mail-quote-intro\">")
          .append(Entities.escape(intro))
          .append("</div><blockquote type=\"cite\" class=\"mail-quote\">")
          .append(
              quote.html() != null && !quote.html().isBlank()
                  ? HtmlSanitizer.sanitize(quote.html())
                  : Entities.escape(quote.plainText()).replace("\n", "<br />\n"))
          .append("</blockquote>");
    }
    page.append("</body></html>");
    return new MailBody(text.toString().stripTrailing() + "\n", page.toString());
  }
}
