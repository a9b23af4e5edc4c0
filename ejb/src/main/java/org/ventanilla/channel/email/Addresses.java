package org.ventanilla.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the mailbox in an address header that is not RFC 5322, as the forgiving clients do: encoded
 * words holding commas or brackets, raw 8-bit names with brackets, an empty {@code <>} next to the
 * real mailbox, two mailboxes (the first counts), a bare address with a comment, a daemon with no
 * domain ({@code MAILER-DAEMON (Mail Delivery System)}).
 */
final class Addresses {

  /**
   * A mailbox: the address in lower case (no domain when the header had none), the name decoded.
   */
  record Mailbox(String address, String name) {
    boolean hasDomain() {
      return address.contains("@");
    }
  }

  private static final Pattern ENCODED_WORD =
      Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=");
  private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");
  private static final Pattern ADDR_SPEC =
      Pattern.compile("[^\\s<>\"(),;:\\[\\]@]+@[^\\s<>\"(),;:\\[\\]@]+[^\\s<>\"(),;:\\[\\].@]");
  private static final Pattern LOCAL_ONLY = Pattern.compile("^[A-Za-z0-9._%+-]+$");
  private static final Pattern COMMENT = Pattern.compile("\\(([^()]*)\\)");

  private Addresses() {}

  /** The first mailbox of the header, if any part of it names one. */
  static Optional<Mailbox> first(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String unfolded = header.replaceAll("\\r?\\n[ \\t]*", " ").strip();
    // Encoded words are opaque while looking for the structure: commas and brackets inside them
    // belong to the name.
    List<String> words = new ArrayList<>();
    Matcher w = ENCODED_WORD.matcher(unfolded);
    StringBuilder masked = new StringBuilder();
    while (w.find()) {
      words.add(w.group());
      w.appendReplacement(masked, "\u0001" + (words.size() - 1) + "\u0002");
    }
    w.appendTail(masked);
    String text = masked.toString();

    Matcher angle = ANGLE.matcher(text);
    while (angle.find()) {
      String inside = angle.group(1).strip().replaceFirst("^mailto:", "");
      Matcher spec = ADDR_SPEC.matcher(inside);
      if (spec.find()) {
        String before = text.substring(previousMailboxEnd(text, angle.start()), angle.start());
        String unquoted = before.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ");
        Matcher bare = ADDR_SPEC.matcher(unquoted);
        if (bare.find() && unquoted.substring(bare.end()).matches("(?s)\\s*[,;].*")) {
          // "a@example.com, Bob <b@example.com>": the bare address came first.
          return Optional.of(new Mailbox(lower(bare.group()), null));
        }
        return Optional.of(new Mailbox(lower(spec.group()), name(before, words)));
      }
    }
    String noQuotes = text.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ");
    Matcher spec = ADDR_SPEC.matcher(noQuotes);
    if (spec.find()) {
      String rest = noQuotes.substring(spec.end());
      Matcher comment = COMMENT.matcher(rest);
      String name = comment.find() && comment.start() < 3 ? comment.group(1) : null;
      if (name == null) {
        String before = text.substring(0, Math.min(spec.start(), text.length())).strip();
        name = before.isEmpty() ? null : before;
      }
      return Optional.of(new Mailbox(lower(spec.group()), name(name, words)));
    }
    // No domain anywhere: "MAILER-DAEMON (Mail Delivery System)" or "postmaster".
    String withoutComments =
        COMMENT.matcher(text).replaceAll(" ").replaceAll("[<>\"]", " ").strip();
    String first = withoutComments.split("[\\s,;]+")[0];
    if (!first.isEmpty() && LOCAL_ONLY.matcher(first).matches()) {
      Matcher comment = COMMENT.matcher(text);
      return Optional.of(
          new Mailbox(lower(first), comment.find() ? name(comment.group(1), words) : null));
    }
    return Optional.empty();
  }

  /** Where the mailbox holding the bracket at {@code at} starts: after the previous one's end. */
  private static int previousMailboxEnd(String text, int at) {
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '>') {
        // An empty "<>" or a previous mailbox: the name starts after it.
        start = i + 1;
      }
    }
    return start;
  }

  private static String name(String raw, List<String> words) {
    if (raw == null) {
      return null;
    }
    String restored = raw;
    for (int i = 0; i < words.size(); i++) {
      restored = restored.replace("\u0001" + i + "\u0002", words.get(i));
    }
    String name = EncodedWords.decode(restored.strip());
    name = name.replaceAll("\\\\(.)", "$1").replaceAll("[\\r\\n\\t]+", " ").strip();
    name = name.replaceAll("^[\"']+|[\"']+$", "").strip();
    return name.isEmpty() || name.contains("@") && name.equalsIgnoreCase(raw.strip()) ? null : name;
  }

  private static String lower(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
