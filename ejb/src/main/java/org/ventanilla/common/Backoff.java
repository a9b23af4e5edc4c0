package org.ventanilla.common;

import java.time.Duration;

/**
 * A doubling delay between attempts, capped: the one retry schedule of the outbox, webhook
 * processing, media downloads, mailbox polls and sign-in throttling.
 */
public record Backoff(Duration first, Duration max) {

  /** The delay before attempt {@code step + 1}: first, then doubling, never above max. */
  public Duration delay(int step) {
    Duration delay = first.multipliedBy(1L << Math.max(0, Math.min(step, 20)));
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
