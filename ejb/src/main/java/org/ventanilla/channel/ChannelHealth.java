package org.ventanilla.channel;

import java.io.Serializable;
import java.time.OffsetDateTime;
import org.ventanilla.common.Times;

/** How a channel is doing, as the API and the admin pages show it. */
public record ChannelHealth(
    OffsetDateTime lastPollAt,
    OffsetDateTime lastSuccessAt,
    String lastError,
    OffsetDateTime lastErrorAt,
    int consecutiveFailures,
    long fetchedCount,
    String mode,
    String oauth)
    implements Serializable {

  public static ChannelHealth of(Channel c) {
    return of(c, null, null);
  }

  /**
   * With how a mailbox is read ({@code idle} or {@code poll}) and how its OAuth2 grant is doing
   * ({@code connected}, {@code reconnect_needed}, or null without OAuth2).
   */
  public static ChannelHealth of(Channel c, String mode, String oauth) {
    return new ChannelHealth(
        Times.utc(c.getLastCheckedAt()),
        Times.utc(c.getLastSuccessAt()),
        c.getLastError(),
        Times.utc(c.getLastErrorAt()),
        c.getConsecutiveFailures(),
        c.getReceivedCount(),
        mode,
        oauth);
  }
}
