package org.ventanilla.channel.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;

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

  /** Charsets of names written without a label by old clients, most common first. */
  private static final String[] LEGACY = {
    "GB18030", "Big5", "windows-1251", "KOI8-R", "Shift_JIS", "EUC-KR", "windows-1252"
  };

  /**
   * Text in an unknown charset, typically an attachment name with no RFC 2231/2047 label: UTF-8
   * when it is valid, else the charset juniversalchardet detects, checked for plausibility against
   * the usual legacy charsets (the detector alone guesses badly on a few bytes).
   */
  static String guess(byte[] bytes) {
    Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
    if (utf8.isPresent()) {
      return utf8.get();
    }
    if (highBytesIsolated(bytes)) {
      // "Überweisung": accented letters between ASCII ones are a Latin text, never CJK pairs.
      return new String(bytes, WINDOWS_1252);
    }
    String detected = detect(bytes);
    String best = null;
    int bestScore = Integer.MIN_VALUE;
    java.util.List<String> candidates = new java.util.ArrayList<>();
    if (detected != null) {
      candidates.add(detected);
    }
    candidates.addAll(java.util.List.of(LEGACY));
    for (String name : candidates) {
      Charset charset = charset(name);
      if (charset == null) {
        continue;
      }
      Optional<String> decoded = strict(bytes, charset);
      if (decoded.isEmpty()) {
        continue;
      }
      // The detector's own choice wins a tie: it saw the byte frequencies.
      int score = plausibility(decoded.get()) * 2 + (name.equals(detected) ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = decoded.get();
      }
    }
    return best != null ? best : new String(bytes, WINDOWS_1252);
  }

  private static boolean highBytesIsolated(byte[] bytes) {
    for (int i = 1; i < bytes.length; i++) {
      if (bytes[i] < 0 && bytes[i - 1] < 0) {
        return false;
      }
    }
    return true;
  }

  private static String detect(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector();
    // A name is a few bytes, below the detector's threshold: repeating it keeps its byte
    // frequencies and gives the statistics enough to go on.
    for (int i = 0; i < 20 && !detector.isDone(); i++) {
      detector.handleData(bytes, 0, bytes.length);
    }
    detector.dataEnd();
    return detector.getDetectedCharset();
  }

  /**
   * How much a decoded text looks like something a person wrote: letters of one script score,
   * symbols and case flipping in the middle of a word (a Cyrillic text read in the wrong Cyrillic
   * charset) cost.
   */
  static int plausibility(String text) {
    int score = 0;
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c < 0x80) {
        previous = c;
        continue;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (!Character.isLetter(c)) {
        score -= 3;
      } else if (script == Character.UnicodeScript.HAN
          || script == Character.UnicodeScript.HANGUL
          || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA) {
        score += 2;
      } else if (script == Character.UnicodeScript.CYRILLIC) {
        score += 2;
        if (previous >= 0 && Character.isLowerCase(previous) && Character.isUpperCase(c)) {
          score -= 4;
        }
      } else if (script == Character.UnicodeScript.LATIN) {
        score += 1;
      } else {
        score -= 1;
      }
      previous = c;
    }
    return score;
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

  private static Optional<String> strict(byte[] bytes, Charset charset) {
    try {
      return Optional.of(
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
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
