package org.ventanilla.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.parser.Parser;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * HTML from outside (mail bodies) is stored as received and passed through this allow-list before
 * anyone sees it: formatting, links, tables and images survive; scripts, event handlers, styles
 * that can overlay the page and remote forms do not. Only classes of our own ({@code mail-*})
 * survive, so a mail cannot dress itself in the page's classes (PrimeFaces' {@code
 * ui-widget-overlay}). Remote images are held: their address moves to {@value #REMOTE_SOURCE}, so
 * the agent's browser fetches nothing (no tracking pixel learns when and where a mail was read)
 * until the agent asks for that message's images; inline {@code data:} images show at once, and
 * {@code cid:} ones (a part of the same mail) from our own store when the caller can name it.
 */
public final class HtmlSanitizer {

  /** Where a remote image's address waits until the agent asks to see it. */
  public static final String REMOTE_SOURCE = "data-remote-src";

  private static final Pattern OWN_CLASS = Pattern.compile("mail-[a-z0-9-]{1,60}");
  private static final Pattern REMOTE = Pattern.compile("(?i)https?://.+");
  private static final Pattern DATA_IMAGE =
      Pattern.compile("(?i)data:image/(png|gif|jpe?g|webp);base64,[a-z0-9+/=\\s]+");
  private static final Pattern INLINE = Pattern.compile("(?i)cid:\\S{1,1000}");
  private static final Pattern INTEGER = Pattern.compile("\\d{1,5}");
  // The sanitizer writes every attribute in double quotes with '"' escaped, and text with '"'
  // escaped too: this matches an img's cid: source and nothing else.
  private static final Pattern INLINE_SOURCE = Pattern.compile(" src=\"cid:([^\"]*)\"");

  private static final PolicyFactory IMAGES =
      new HtmlPolicyBuilder()
          .allowUrlProtocols("http", "https", "data", "cid")
          .allowElements(HtmlSanitizer::holdRemoteSource, "img")
          .allowAttributes("alt")
          .onElements("img")
          .allowAttributes("border", "height", "width")
          .matching(INTEGER)
          .onElements("img")
          .allowAttributes("src")
          .matching((element, attribute, value) -> imageSource(value))
          .onElements("img")
          .toFactory();

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.TABLES)
          .and(IMAGES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("hr", "pre", "code", "blockquote", "span", "div", "br")
                  .allowAttributes("class")
                  .matching((element, attribute, value) -> ownClasses(value))
                  .onElements("div", "span", "blockquote")
                  .requireRelNofollowOnLinks()
                  .toFactory());

  private HtmlSanitizer() {}

  public static String sanitize(String html) {
    return html == null ? null : POLICY.sanitize(html);
  }

  /**
   * Sanitized, with each inline image ({@code cid:} source) pointing where {@code inlineImages}
   * says for its Content-ID (our own download of that part); one it cannot name loses its source.
   */
  public static String sanitize(String html, Function<String, String> inlineImages) {
    String clean = sanitize(html);
    if (clean == null || !clean.contains(" src=\"cid:")) {
      return clean;
    }
    Matcher m = INLINE_SOURCE.matcher(clean);
    StringBuilder out = new StringBuilder(clean.length());
    while (m.find()) {
      String url = inlineImages.apply(Parser.unescapeEntities(m.group(1), true));
      boolean safe = url != null && url.matches("[A-Za-z0-9/._-]{1,200}");
      m.appendReplacement(out, safe ? Matcher.quoteReplacement(" src=\"" + url + "\"") : "");
    }
    return m.appendTail(out).toString();
  }

  /** Whether sanitized HTML holds remote images that are not loaded yet. */
  public static boolean holdsRemoteImages(String sanitized) {
    return sanitized != null && sanitized.contains(" " + REMOTE_SOURCE + "=\"");
  }

  /** The {@code mail-*} classes of a class attribute; none left drops the attribute. */
  static String ownClasses(String value) {
    String own =
        Arrays.stream(value.toLowerCase(Locale.ROOT).trim().split("\\s+"))
            .filter(name -> OWN_CLASS.matcher(name).matches())
            .distinct()
            .collect(Collectors.joining(" "));
    return own.isEmpty() ? null : own;
  }

  /** An image's source: a remote address (to be held), an inline picture or a mail part. */
  private static String imageSource(String value) {
    String source = value.strip();
    return REMOTE.matcher(source).matches()
            || DATA_IMAGE.matcher(source).matches()
            || INLINE.matcher(source).matches()
        ? source
        : null;
  }

  /** Runs after the attributes were checked: a remote source waits under another name. */
  private static String holdRemoteSource(String element, List<String> attributes) {
    for (int i = 0; i + 1 < attributes.size(); i += 2) {
      if (attributes.get(i).equals("src") && REMOTE.matcher(attributes.get(i + 1)).matches()) {
        attributes.set(i, REMOTE_SOURCE);
      }
    }
    return element;
  }
}
