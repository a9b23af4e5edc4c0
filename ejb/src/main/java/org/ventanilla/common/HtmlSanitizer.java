package org.ventanilla.common;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * HTML from outside (mail bodies) is stored as received and passed through this allow-list before
 * anyone sees it: formatting, links, tables and inline images survive; scripts, event handlers,
 * styles that can overlay the page and remote forms do not.
 */
public final class HtmlSanitizer {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.IMAGES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("hr", "pre", "code", "blockquote", "span", "div", "br")
                  .allowAttributes("class")
                  .matching(java.util.regex.Pattern.compile("[a-zA-Z0-9_\\- ]{0,100}"))
                  .onElements("div", "span", "blockquote")
                  .requireRelNofollowOnLinks()
                  .toFactory());

  private HtmlSanitizer() {}

  public static String sanitize(String html) {
    return html == null ? null : POLICY.sanitize(html);
  }
}
