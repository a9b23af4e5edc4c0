package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  /** Signed outside Java (Python's hmac), so the test does not grade its own homework. */
  private static final byte[] BODY =
      "{\"entry\":[{\"changes\":[{\"value\":{\"metadata\":{\"phone_number_id\":\"1\"},\"messages\":[{\"text\":{\"body\":\"Señor Muñoz, ¿qué tal? 😊🇪🇸\"}}]}}]}]}"
          .getBytes(StandardCharsets.UTF_8);

  private static final String SECRET = "app-sécret";
  private static final String SIGNATURE =
      "sha256=78b0a9d4e4958b287b954407faa7b6b5b7274aa8bd6f881c6fb830c4048ee976";

  @Test
  @DisplayName("a body with accents and emoji verifies against the signature Meta computes")
  void accentsAndEmojiVerify() {
    assertTrue(WebhookSignature.verify(BODY, SIGNATURE, SECRET));
    assertTrue(
        WebhookSignature.verify(
            BODY, SIGNATURE.toUpperCase().replace("SHA256=", "sha256="), SECRET));
    assertEquals(SIGNATURE, WebhookSignature.sign(BODY, SECRET));
  }

  @Test
  @DisplayName("another app's secret does not verify")
  void wrongSecretFails() {
    assertFalse(WebhookSignature.verify(BODY, SIGNATURE, "app-secret"));
  }

  @Test
  @DisplayName("one changed byte of the body does not verify")
  void changedBodyFails() {
    byte[] changed = BODY.clone();
    changed[changed.length - 5] ^= 1;
    assertFalse(WebhookSignature.verify(changed, SIGNATURE, SECRET));
  }

  @Test
  @DisplayName("a missing, empty or malformed header never verifies")
  void malformedHeadersFail() {
    assertFalse(WebhookSignature.verify(BODY, null, SECRET));
    assertFalse(WebhookSignature.verify(BODY, "", SECRET));
    assertFalse(WebhookSignature.verify(BODY, "sha256=", SECRET));
    assertFalse(WebhookSignature.verify(BODY, SIGNATURE.substring(7), SECRET));
    assertFalse(WebhookSignature.verify(BODY, "sha1=" + SIGNATURE.substring(7), SECRET));
    assertFalse(WebhookSignature.verify(BODY, "sha256=zz" + SIGNATURE.substring(9), SECRET));
    assertFalse(WebhookSignature.verify(BODY, SIGNATURE.substring(0, 40), SECRET));
    assertFalse(WebhookSignature.verify(BODY, SIGNATURE, null));
  }
}
