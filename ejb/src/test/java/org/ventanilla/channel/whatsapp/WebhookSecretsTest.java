package org.ventanilla.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {

  static final Instant START = Instant.parse("2026-12-07T09:00:00Z");

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = START;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Secrets "read from the database": counts the reads. */
  static final class CountingSecrets extends WebhookSecrets {
    int reads;

    CountingSecrets(HandClock clock) {
      this.clock = clock;
      this.sleeper = millis -> clock.now = clock.now.plusMillis(millis);
    }

    @Override
    List<Verifier> load() {
      reads++;
      return List.of(new Verifier(7, "100000000000001", "app-secret"));
    }
  }

  private final HandClock clock = new HandClock();
  private final CountingSecrets secrets = new CountingSecrets(clock);

  @Test
  @DisplayName("cached secrets are read once, then from memory while fresh")
  void currentReadsOnceWhileFresh() {
    for (int i = 0; i < 100; i++) {
      secrets.current();
    }
    assertEquals(1, secrets.reads);
    clock.now = clock.now.plus(WebhookSecrets.FRESH_FOR).plusMillis(1);
    secrets.current();
    assertEquals(2, secrets.reads);
  }

  @Test
  @DisplayName(
      "a channel created elsewhere just after the cache was filled verifies at its first delivery")
  void firstMissRightAfterACacheReadReloads() {
    secrets.current();
    clock.now = clock.now.plusMillis(300);
    assertTrue(secrets.reloaded().isPresent());
    assertEquals(2, secrets.reads);
  }

  @Test
  @DisplayName("a flood of unverified signatures reads the secrets at most once a second")
  void reloadAtMostOnceASecond() {
    secrets.current();
    int reloads = 0;
    for (int i = 0; i < 1000; i++) {
      reloads += secrets.reloaded().isPresent() ? 1 : 0;
      clock.now = clock.now.plusMillis(5);
    }
    // Each miss inside the window waits for it to end: never more than one read per second.
    long seconds = java.time.Duration.between(START, clock.now).toSeconds();
    assertTrue(reloads <= seconds + 1, "reloads: " + reloads + " in " + seconds + " s");
    assertTrue(secrets.reads <= seconds + 2, "reads: " + secrets.reads + " in " + seconds + " s");
  }

  @Test
  @DisplayName(
      "forged deliveries are refused on their signature, the secrets are read at most once a second, only a signed body's JSON is judged")
  void forgedDeliveryIsRefusedBeforeItsJsonIsParsed() {
    WhatsAppWebhook webhook = new WhatsAppWebhook();
    webhook.verifiers = secrets;
    byte[] notJson = "{\"entry\":[ not json at all".getBytes(StandardCharsets.UTF_8);

    for (int i = 0; i < 200; i++) {
      WebhookRejectedException forged =
          assertThrows(
              WebhookRejectedException.class,
              () -> webhook.receive(notJson, WebhookSignature.sign(notJson, "not-the-secret")));
      assertEquals(403, forged.httpStatus());
      assertEquals("invalid_signature", forged.code(), "not told that the JSON is broken");
    }
    long seconds = Duration.between(START, clock.now).toSeconds();
    assertTrue(
        secrets.reads <= seconds + 2,
        "forged deliveries read the secrets at most once a second: " + secrets.reads);

    clock.now = clock.now.plus(Duration.ofSeconds(1));
    WebhookRejectedException signed =
        assertThrows(
            WebhookRejectedException.class,
            () -> webhook.receive(notJson, WebhookSignature.sign(notJson, "app-secret")));
    assertEquals(400, signed.httpStatus());
    assertEquals("invalid_json", signed.code());
  }
}
