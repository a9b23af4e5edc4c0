package org.ventanilla.channel.email;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words as real clients write them, broken ones included: unknown or misspelt
 * charsets, bytes that are not in the charset they name, bad base64 padding, a word split in the
 * middle of a character, a missing closing {@code ?=}. What cannot be decoded is kept as written.
 */
final class EncodedWords {

  /**
   * An encoded word; the closing {@code ?=} may be missing at the end of a value or before a space.
   */
  private static final Pattern WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)(?:\\?=|(?=[\\s<\"]|$))");

  private static final Pattern BETWEEN_WORDS = Pattern.compile("\\s+");

  private EncodedWords() {}

  static String decode(String value) {
    if (value == null || !value.contains("=?")) {
      return value;
    }
    try {
      String strict = MimeUtility.decodeText(value);
      if (!strict.contains("=?") && !strict.contains("\uFFFD")) {
        return strict;
      }
    } catch (UnsupportedEncodingException | RuntimeException e) {
      // an unknown charset or a broken word: decoded word by word below
    }
    return lenient(value);
  }

  private static String lenient(String value) {
    Matcher m = WORD.matcher(value);
    StringBuilder out = new StringBuilder();
    int last = 0;
    String pendingCharset = null;
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    while (m.find()) {
      String gap = value.substring(last, m.start());
      boolean adjacent = pendingCharset != null && BETWEEN_WORDS.matcher(gap).matches();
      boolean sameCharset = pendingCharset != null && pendingCharset.equalsIgnoreCase(m.group(1));
      if (pendingCharset != null && !(adjacent && sameCharset)) {
        out.append(Charsets.decode(pending.toByteArray(), pendingCharset));
        pending.reset();
        pendingCharset = null;
      }
      if (!adjacent || pendingCharset == null) {
        // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
        out.append(adjacent ? "" : gap);
      }
      byte[] bytes = bytes(m.group(2), m.group(3));
      pending.writeBytes(bytes);
      pendingCharset = m.group(1).replaceAll("\\*.*$", "");
      last = m.end();
    }
    if (pendingCharset != null) {
      out.append(Charsets.decode(pending.toByteArray(), pendingCharset));
    }
    out.append(value.substring(last));
    return out.toString();
  }

  private static byte[] bytes(String encoding, String text) {
    if (encoding.equalsIgnoreCase("B")) {
      return Base64Lenient.decode(text.getBytes(StandardCharsets.US_ASCII)).bytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=' && isHex(text, i + 1) && isHex(text, i + 2)) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c & 0xff);
      }
    }
    return out.toByteArray();
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }
}
