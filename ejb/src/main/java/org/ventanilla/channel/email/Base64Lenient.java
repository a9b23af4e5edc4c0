package org.ventanilla.channel.email;

import java.io.ByteArrayOutputStream;

/**
 * Base64 as forgiving readers decode it: characters outside the alphabet are skipped, missing
 * padding is supplied, and a cut last group keeps the bytes it holds. Says whether it had to.
 */
final class Base64Lenient {

  /** The bytes, and whether the input needed repairs to give them. */
  record Decoded(byte[] bytes, boolean repaired) {}

  private static final int[] VALUE = new int[256];

  static {
    java.util.Arrays.fill(VALUE, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUE[alphabet.charAt(i)] = i;
    }
    // URL-safe alphabet, which some webmailers use by mistake.
    VALUE['-'] = 62;
    VALUE['_'] = 63;
  }

  private Base64Lenient() {}

  static Decoded decode(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * 3 / 4 + 3);
    boolean repaired = false;
    int buffer = 0;
    int bits = 0;
    int padding = 0;
    int dataChars = 0;
    for (byte b : in) {
      int c = b & 0xff;
      if (c == '=') {
        padding++;
        continue;
      }
      int v = VALUE[c];
      if (v < 0) {
        if (c != '\r' && c != '\n' && c != ' ' && c != '\t') {
          repaired = true;
        }
        continue;
      }
      if (padding > 0) {
        // Data after padding: two encodings glued together, or a stray "=".
        repaired = true;
        padding = 0;
      }
      dataChars++;
      buffer = (buffer << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.write((buffer >> bits) & 0xff);
      }
    }
    int rest = dataChars % 4;
    if (rest == 1 || (rest != 0 && padding != 4 - rest)) {
      repaired = true;
    }
    return new Decoded(out.toByteArray(), repaired);
  }
}
