package org.ventanilla.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ventanilla.common.Backoff;

/**
 * Counts failed sign-ins per key (a client address, a username, both) and, past a few, makes that
 * key wait before trying again: 1 s, doubling with each further failure, up to a minute. Never a
 * lock: the wait always runs out. A success clears the key it names.
 */
public class LoginThrottle {

  // Short waits: they slow guessing to a crawl, yet a real user who mistyped is never kept out for
  // more than a minute.
  static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  static final Duration MAX_WAIT = Duration.ofSeconds(60);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 50_000;

  private final Clock clock;
  private final int freeAttempts;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /**
   * @param freeAttempts failures allowed before the first wait
   */
  public LoginThrottle(Clock clock, int freeAttempts) {
    this.clock = clock;
    this.freeAttempts = freeAttempts;
  }

  /** How long the key must still wait; zero when it may try now. */
  public Duration waitFor(String key) {
    Failures f = failures.get(key);
    if (f == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), f.blockedUntil);
    return left.isNegative() ? Duration.ZERO : left;
  }

  public void failed(String key) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      failures.values().removeIf(f -> f.last.plus(FORGET_AFTER).isBefore(now));
    }
    failures.compute(
        key,
        (k, f) -> {
          int count = f == null || f.last.plus(FORGET_AFTER).isBefore(now) ? 1 : f.count + 1;
          Instant until = now;
          if (count >= freeAttempts) {
            until = now.plus(new Backoff(FIRST_WAIT, MAX_WAIT).delay(count - freeAttempts));
          }
          return new Failures(count, now, until);
        });
  }

  public void succeeded(String key) {
    failures.remove(key);
  }

  private record Failures(int count, Instant last, Instant blockedUntil) {}
}
