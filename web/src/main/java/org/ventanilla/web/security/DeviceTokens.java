package org.ventanilla.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser that has signed in as a user before carries a token saying so (OWASP's "device
 * cookie"). Failed attempts against that username from elsewhere then do not slow this browser
 * down: an attacker guessing {@code admin}'s password cannot keep the real admin out. The token is
 * an HMAC of the username under a key each node draws at start; it proves nothing but "this browser
 * signed in as this user here", and grants nothing by itself.
 */
final class DeviceTokens {

  static final String COOKIE = "ventanilla_device";
  static final int MAX_AGE_SECONDS = 180 * 24 * 3600;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private final byte[] key;

  DeviceTokens(SecureRandom random) {
    key = new byte[32];
    random.nextBytes(key);
  }

  String issue(String username) {
    String name = normalized(username);
    return ENCODER.encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "." + mac(name);
  }

  boolean proves(String token, String username) {
    if (token == null || username == null) {
      return false;
    }
    String expected = issue(username);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(String name) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return ENCODER.encodeToString(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String normalized(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }
}
