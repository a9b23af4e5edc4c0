package org.ventanilla.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

/**
 * What a person typed, read three ways: words (folded: lower case, no accents), a ticket number
 * ({@code 1042} or {@code #1042}) and the digits of a phone number ({@code 612 345 678}).
 */
public record SearchQuery(String raw, List<String> words, Long number, String phoneDigits) {

  static final int MAX_LENGTH = 200;
  private static final int MIN_PHONE_DIGITS = 6;

  public static SearchQuery parse(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH);
    }
    List<String> words =
        Arrays.stream(fold(text).split("[^\\p{L}\\p{N}@.+_-]+"))
            .map(w -> w.replaceAll("^[.+_-]+|[.+_-]+$", ""))
            .filter(w -> !w.isEmpty())
            .distinct()
            .limit(8)
            .toList();
    String compact = text.startsWith("#") ? text.substring(1) : text;
    Long number = compact.matches("\\d{1,15}") ? Long.valueOf(compact) : null;
    String digits = text.matches("[\\d\\s()+.\\-/]+") ? text.replaceAll("\\D", "") : "";
    return new SearchQuery(
        text, words, number, digits.length() >= MIN_PHONE_DIGITS ? digits : null);
  }

  public boolean isEmpty() {
    return words.isEmpty() && number == null && phoneDigits == null;
  }

  /** Lower case without diacritics, one character for one character (so offsets still match). */
  public static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128) {
        folded.append(Character.toLowerCase(c));
      } else {
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char first = base.isEmpty() ? c : base.charAt(0);
        folded.append(Character.toLowerCase(first));
      }
    }
    return folded.toString();
  }
}
