package org.ventanilla.channel.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta signs each webhook delivery with the app secret: {@code X-Hub-Signature-256: sha256=<hex of
 * HMAC-SHA256 of the raw body>}. Verified on the exact bytes received (re-serialized JSON would
 * differ in escapes of accents and emoji) and compared in constant time.
 */
public final class WebhookSignature {

  static final String PREFIX = "sha256=";

  private WebhookSignature() {}

  public static boolean verify(byte[] body, String header, String appSecret) {
    if (header == null || appSecret == null || appSecret.isEmpty() || body == null) {
      return false;
    }
    String value = header.strip();
    if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(value.substring(PREFIX.length()).toLowerCase());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(hmac(body, appSecret), given);
  }

  /** The header value Meta would send for {@code body}; the sandbox and tests sign with it. */
  public static String sign(byte[] body, String appSecret) {
    return PREFIX + HexFormat.of().formatHex(hmac(body, appSecret));
  }

  private static byte[] hmac(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
