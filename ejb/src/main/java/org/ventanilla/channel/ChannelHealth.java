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
    long fetchedCount)
    implements Serializable {

  public static ChannelHealth of(Channel c) {
    return new ChannelHealth(
        Times.utc(c.getLastCheckedAt()),
        Times.utc(c.getLastSuccessAt()),
        c.getLastError(),
        Times.utc(c.getLastErrorAt()),
        c.getConsecutiveFailures(),
        c.getReceivedCount());
  }
}
