package org.ventanilla.ticket;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template the ticket's channel has approved, as the composer offers it: the body's text with its
 * {@code parameterCount} variables; for one synced from the account also its header (a format: TEXT
 * with {@code headerParameterCount} variables, or IMAGE, VIDEO, DOCUMENT, LOCATION), footer and
 * buttons (which take a parameter: {@code buttonParameters}, by index).
 */
public record ReplyTemplate(
    long id,
    String name,
    String language,
    int parameterCount,
    String text,
    String headerFormat,
    String headerText,
    int headerParameterCount,
    String footer,
    List<String> buttons,
    List<Integer> buttonParameters)
    implements Serializable {

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

  public ReplyTemplate(long id, String name, String language, int parameterCount, String text) {
    this(id, name, language, parameterCount, text, null, null, 0, null, List.of(), List.of());
  }

  /** Whether the header is a file (image, video, document) the reply must give. */
  public boolean hasMediaHeader() {
    return headerFormat != null
        && List.of("IMAGE", "VIDEO", "DOCUMENT").contains(headerFormat.toUpperCase());
  }

  /**
   * The message as the customer will read it, variables filled with what is given so far (the
   * others left as written): header, body, footer and the buttons' titles.
   */
  public String preview(List<String> header, List<String> body, String media) {
    StringBuilder out = new StringBuilder();
    if (headerText != null) {
      out.append(fill(headerText, header)).append("\n");
    } else if (hasMediaHeader()) {
      out.append("[")
          .append(headerFormat.toLowerCase())
          .append(media == null || media.isBlank() ? "" : ": " + media)
          .append("]\n");
    }
    out.append(fill(text, body));
    if (footer != null) {
      out.append("\n").append(footer);
    }
    for (String button : buttons == null ? List.<String>of() : buttons) {
      out.append("\n[").append(button).append("]");
    }
    return out.toString();
  }

  /** {@code text} with its variables, positional or named, filled in order of first appearance. */
  public static String fill(String text, List<String> values) {
    if (text == null) {
      return null;
    }
    List<String> given = values == null ? List.of() : values;
    List<String> names = variables(text);
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int at = position(m.group(1), names);
      String value = at < given.size() ? given.get(at) : null;
      m.appendReplacement(
          out, Matcher.quoteReplacement(value == null || value.isBlank() ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The distinct variables of {@code text}: 1..n when positional, else the names in order. */
  public static List<String> variables(String text) {
    List<String> names = new java.util.ArrayList<>();
    if (text == null) {
      return names;
    }
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      if (!names.contains(m.group(1))) {
        names.add(m.group(1));
      }
    }
    if (!names.isEmpty() && names.stream().allMatch(n -> n.matches("\\d+"))) {
      int highest = names.stream().mapToInt(Integer::parseInt).max().orElse(0);
      List<String> positional = new java.util.ArrayList<>();
      for (int i = 1; i <= highest; i++) {
        positional.add(String.valueOf(i));
      }
      return positional;
    }
    return names;
  }

  private static int position(String name, List<String> names) {
    return name.matches("\\d+") ? Integer.parseInt(name) - 1 : names.indexOf(name);
  }
}
