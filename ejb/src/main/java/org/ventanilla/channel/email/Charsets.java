package org.ventanilla.channel.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Decodes mail text the way the sender meant it. Labels lie: "iso-8859-1" that is really
 * windows-1252 (curly quotes, euro sign), "us-ascii" or no label on UTF-8, "utf-8" on Latin-1.
 */
final class Charsets {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private Charsets() {}

  static String decode(byte[] bytes, String declared) {
    Charset label = charset(declared);
    if (label == null || label.equals(StandardCharsets.US_ASCII)) {
      // No label, or ASCII that is not: UTF-8 if it is valid, Windows' Latin otherwise.
      return strict(bytes, StandardCharsets.UTF_8).orElseGet(() -> new String(bytes, WINDOWS_1252));
    }
    if (label.equals(StandardCharsets.UTF_8)) {
      return strict(bytes, StandardCharsets.UTF_8).orElseGet(() -> new String(bytes, WINDOWS_1252));
    }
    if (label.equals(StandardCharsets.ISO_8859_1)) {
      // As browsers do: windows-1252 is a superset where it matters (quotes, dashes, euro).
      if (looksLikeUtf8(bytes)) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      return new String(bytes, WINDOWS_1252);
    }
    return new String(bytes, label);
  }

  private static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String clean = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
    if (clean.equals("utf8")) {
      clean = "utf-8";
    } else if (clean.equals("latin1") || clean.equals("latin-1")) {
      clean = "iso-8859-1";
    }
    try {
      return Charset.forName(clean);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static java.util.Optional<String> strict(byte[] bytes, Charset charset) {
    try {
      return java.util.Optional.of(
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return java.util.Optional.empty();
    }
  }

  /** Valid UTF-8 with at least one multi-byte sequence: a mislabelled UTF-8 text. */
  private static boolean looksLikeUtf8(byte[] bytes) {
    boolean multiByte = false;
    for (byte b : bytes) {
      if ((b & 0x80) != 0) {
        multiByte = true;
        break;
      }
    }
    return multiByte && strict(bytes, StandardCharsets.UTF_8).isPresent();
  }
}
