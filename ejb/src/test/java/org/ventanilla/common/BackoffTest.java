package org.ventanilla.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15));

  @Test
  void startsAtTheFirstDelayAndDoubles() {
    assertEquals(Duration.ofSeconds(10), backoff.delay(0));
    assertEquals(Duration.ofSeconds(20), backoff.delay(1));
    assertEquals(Duration.ofSeconds(80), backoff.delay(3));
  }

  @Test
  void neverExceedsTheCapEvenAfterManySteps() {
    assertEquals(Duration.ofMinutes(15), backoff.delay(7));
    assertEquals(Duration.ofMinutes(15), backoff.delay(1_000));
  }

  @Test
  void aNegativeStepIsTheFirstDelay() {
    assertEquals(Duration.ofSeconds(10), backoff.delay(-1));
  }
}
