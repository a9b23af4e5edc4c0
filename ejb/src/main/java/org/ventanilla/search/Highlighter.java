package org.ventanilla.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A short, HTML-escaped excerpt of a text with {@code <mark>} around what matched the query,
 * accent- and case-insensitively. A word also matches by its stem-like prefix (its first letters
 * but the last two, at least four), so "pedidos" marks "pedido" as the stemmed search found it.
 */
public final class Highlighter {

  static final int WINDOW = 160;

  private Highlighter() {}

  public static String highlight(String text, List<String> words) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String folded = SearchQuery.fold(text);
    boolean[] marked = new boolean[text.length()];
    int first = -1;
    for (String word : words) {
      for (String needle : needlesOf(word)) {
        int from = 0;
        int found;
        boolean any = false;
        while ((found = folded.indexOf(needle, from)) >= 0) {
          int end = wordEnd(folded, found + needle.length());
          for (int i = found; i < end; i++) {
            marked[i] = true;
          }
          first = first < 0 ? found : Math.min(first, found);
          from = end;
          any = true;
        }
        if (any) {
          break;
        }
      }
    }
    int start = first < 0 ? 0 : Math.max(0, first - WINDOW / 3);
    int end = Math.min(text.length(), start + WINDOW);
    StringBuilder html = new StringBuilder();
    if (start > 0) {
      html.append('…');
    }
    boolean open = false;
    for (int i = start; i < end; i++) {
      if (marked[i] && !open) {
        html.append("<mark>");
        open = true;
      } else if (!marked[i] && open) {
        html.append("</mark>");
        open = false;
      }
      escape(text.charAt(i), html);
    }
    if (open) {
      html.append("</mark>");
    }
    if (end < text.length()) {
      html.append('…');
    }
    return html.toString().replaceAll("\\s+", " ");
  }

  private static List<String> needlesOf(String word) {
    List<String> needles = new ArrayList<>();
    needles.add(word);
    if (word.length() > 5 && Character.isLetter(word.charAt(0))) {
      needles.add(word.substring(0, Math.max(4, word.length() - 2)));
    }
    return needles;
  }

  /** A match is marked to the end of its word: "pedid" marks all of "pedidos". */
  private static int wordEnd(String text, int from) {
    int end = from;
    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '&' -> out.append("&amp;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> out.append(c);
    }
  }
}
