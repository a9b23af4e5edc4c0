package org.ventanilla.common;

import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The small Markdown subset agents write replies in: **bold**, *italic*, [links](https://…), lists,
 * {@code > } quotes and line breaks as typed. Headings, code blocks, rules and raw HTML are not
 * part of it: they stay the text they were typed as. One parse, three renderings: sanitized HTML (a
 * mail's HTML part, the timeline), plain text (a mail's text part) and WhatsApp's own marks.
 */
public final class Markdown {

  private static final Parser PARSER =
      Parser.builder().enabledBlockTypes(Set.of(BlockQuote.class, ListBlock.class)).build();

  // Raw HTML is shown as typed (escaped), links only to safe schemes; the sanitizer checks again.
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).softbreak("<br />\n").build();

  private Markdown() {}

  /** The HTML the text renders to, through the same allow-list as every HTML we show. */
  public static String html(String markdown) {
    return markdown == null ? null : HtmlSanitizer.sanitize(HTML.render(PARSER.parse(markdown)));
  }

  /**
   * The text for a mail's text/plain part and for WhatsApp, which reads the same marks: *bold*,
   * _italic_, "- " items, "> " quotes; a link as "text (address)".
   */
  public static String plain(String markdown) {
    if (markdown == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    blocks(PARSER.parse(markdown), out);
    return out.toString().strip();
  }

  private static void blocks(Node parent, StringBuilder out) {
    for (Node block = parent.getFirstChild(); block != null; block = block.getNext()) {
      if (out.length() > 0) {
        out.append(block.getPrevious() != null && isTight(parent) ? "\n" : "\n\n");
      }
      if (block instanceof Paragraph) {
        inlines(block, out);
      } else if (block instanceof BlockQuote) {
        StringBuilder inner = new StringBuilder();
        blocks(block, inner);
        out.append(prefixed(inner.toString().strip(), "> ", "> "));
      } else if (block instanceof ListBlock list) {
        int number = list instanceof OrderedList ordered ? startOf(ordered) : 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          StringBuilder inner = new StringBuilder();
          blocks(item, inner);
          String marker = list instanceof BulletList ? "- " : (number++) + ". ";
          out.append(prefixed(inner.toString().strip(), marker, " ".repeat(marker.length())));
          if (item.getNext() != null) {
            out.append(list.isTight() ? "\n" : "\n\n");
          }
        }
      } else {
        inlines(block, out);
      }
    }
  }

  private static boolean isTight(Node parent) {
    return parent instanceof ListItem && parent.getParent() instanceof ListBlock list
        ? list.isTight()
        : false;
  }

  private static int startOf(OrderedList list) {
    Integer start = list.getMarkerStartNumber();
    return start == null ? 1 : start;
  }

  private static String prefixed(String text, String first, String rest) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String prefix = i == 0 ? first : rest;
      out.append(lines[i].isEmpty() ? prefix.stripTrailing() : prefix + lines[i]);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static void inlines(Node parent, StringBuilder out) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Text text) {
        out.append(text.getLiteral());
      } else if (node instanceof Code code) {
        out.append('`').append(code.getLiteral()).append('`');
      } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        out.append('\n');
      } else if (node instanceof StrongEmphasis) {
        out.append('*');
        inlines(node, out);
        out.append('*');
      } else if (node instanceof Emphasis) {
        out.append('_');
        inlines(node, out);
        out.append('_');
      } else if (node instanceof Link link) {
        link(node, link.getDestination(), out);
      } else if (node instanceof Image image) {
        link(node, image.getDestination(), out);
      } else {
        inlines(node, out);
      }
    }
  }

  private static void link(Node node, String destination, StringBuilder out) {
    StringBuilder label = new StringBuilder();
    inlines(node, label);
    String shown = label.toString();
    if (shown.isBlank() || shown.equals(destination)) {
      out.append(destination);
    } else {
      out.append(shown).append(" (").append(destination).append(')');
    }
  }
}
