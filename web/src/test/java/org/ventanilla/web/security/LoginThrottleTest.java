package org.ventanilla.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final LoginThrottle throttle = new LoginThrottle(clock, 5);

  @Test
  void fewFailuresCostNothing() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("user:ana");
    }
    assertEquals(Duration.ZERO, throttle.waitFor("user:ana"));
  }

  @Test
  void fifthFailureImposesAWaitThatDoublesWithEachFurtherFailure() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user:ana");
    }
    assertEquals(Duration.ofSeconds(1), throttle.waitFor("user:ana"));

    throttle.failed("user:ana");
    assertEquals(Duration.ofSeconds(2), throttle.waitFor("user:ana"));
  }

  @Test
  void waitNeverExceedsAMinuteSoNobodyIsLockedOut() {
    for (int i = 0; i < 40; i++) {
      throttle.failed("user:ana");
    }
    assertEquals(Duration.ofSeconds(60), throttle.waitFor("user:ana"));
    clock.now = clock.now.plusSeconds(61);
    assertEquals(Duration.ZERO, throttle.waitFor("user:ana"));
  }

  @Test
  void tenFailuresInARowLeaveAWaitWellUnderAMinute() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("user:ana");
      clock.now = clock.now.plus(throttle.waitFor("user:ana"));
    }
    assertEquals(Duration.ZERO, throttle.waitFor("user:ana"));
    throttle.failed("user:ana");
    assertTrue(throttle.waitFor("user:ana").compareTo(Duration.ofSeconds(60)) <= 0);
  }

  @Test
  void waitRunsOutWithTime() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user:ana");
    }
    clock.now = clock.now.plusSeconds(2);
    assertEquals(Duration.ZERO, throttle.waitFor("user:ana"));
  }

  @Test
  void successClearsTheCount() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("user:ana");
    }
    throttle.succeeded("user:ana");
    throttle.failed("user:ana");
    assertEquals(Duration.ZERO, throttle.waitFor("user:ana"));
  }

  @Test
  void oneKeysFailuresDoNotSlowAnother() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("user:mallory");
    }
    assertEquals(Duration.ZERO, throttle.waitFor("user:ana"));
  }

  @Test
  void oldFailuresAreForgotten() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("user:ana");
    }
    clock.now = clock.now.plus(Duration.ofHours(1));
    throttle.failed("user:ana");
    assertEquals(Duration.ZERO, throttle.waitFor("user:ana"));
  }

  @Test
  void basicCredentialsNameTheirUser() {
    String header =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    "ana@example.com:sécret:with:colons"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("ana@example.com", LoginThrottleHandler.basicUsername(header));
    assertNull(LoginThrottleHandler.basicUsername("Bearer abc"));
    assertNull(LoginThrottleHandler.basicUsername(null));
    assertTrue(LoginThrottleHandler.basicUsername("Basic ###").isEmpty());
  }
}
