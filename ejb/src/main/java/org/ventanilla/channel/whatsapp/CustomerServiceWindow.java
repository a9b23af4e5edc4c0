package org.ventanilla.channel.whatsapp;

import java.time.Duration;
import java.time.Instant;

/**
 * WhatsApp's rule: a business may write freely only within 24 hours of the customer's last message;
 * after that only an approved template may go out.
 */
public final class CustomerServiceWindow {

  static final Duration LENGTH = Duration.ofHours(24);

  private CustomerServiceWindow() {}

  public static boolean isOpen(Instant lastInboundAt, Instant now) {
    return lastInboundAt != null && now.isBefore(lastInboundAt.plus(LENGTH));
  }

  /** Refuses a free-form reply once the window has closed. */
  public static void requireOpen(Instant lastInboundAt, Instant now) {
    if (!isOpen(lastInboundAt, now)) {
      throw new WindowClosedException(lastInboundAt);
    }
  }
}
