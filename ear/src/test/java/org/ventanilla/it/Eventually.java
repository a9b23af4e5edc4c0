package org.ventanilla.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting for what the server does after it answers (processing, polls, timers). */
final class Eventually {

  private Eventually() {}

  /** The first value the probe finds, asked every 200 ms until the deadline. */
  static <T> T await(String what, Supplier<Optional<T>> probe, Duration deadline) {
    Instant end = Instant.now().plus(deadline);
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
