package org.ventanilla.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class DeviceTokensTest {

  private final DeviceTokens tokens = new DeviceTokens(new SecureRandom());

  @Test
  void aTokenProvesItsOwnUsernameWhateverTheCase() {
    String token = tokens.issue("Ana@Example.com");
    assertTrue(tokens.proves(token, "ana@example.com"));
    assertTrue(tokens.proves(token, " ANA@example.com "));
  }

  @Test
  void aTokenProvesNoOtherUsername() {
    assertFalse(tokens.proves(tokens.issue("ana@example.com"), "admin"));
  }

  @Test
  void aForgedOrForeignTokenProvesNothing() {
    String forged = tokens.issue("admin").replaceAll(".$", "x");
    assertFalse(tokens.proves(forged, "admin"));
    assertFalse(tokens.proves(new DeviceTokens(new SecureRandom()).issue("admin"), "admin"));
    assertFalse(tokens.proves(null, "admin"));
    assertFalse(tokens.proves("", "admin"));
  }
}
