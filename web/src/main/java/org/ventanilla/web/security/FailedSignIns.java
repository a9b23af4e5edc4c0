package org.ventanilla.web.security;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recent failed sign-ins per username, for the admin's agents page: how many in the last day, when
 * the last one was and from which address. Kept in memory by each node (a restart forgets them).
 */
public final class FailedSignIns {

  /** Where the web module finds this node's record (a servlet context attribute). */
  public static final String ATTRIBUTE = FailedSignIns.class.getName();

  static final Duration KEEP = Duration.ofHours(24);
  private static final int MAX_USERNAMES = 10_000;

  private final Clock clock;
  private final Map<String, Recent> byUsername = new ConcurrentHashMap<>();

  public FailedSignIns(Clock clock) {
    this.clock = clock;
  }

  public void record(String username, String address) {
    Instant now = clock.instant();
    if (byUsername.size() > MAX_USERNAMES) {
      byUsername.values().removeIf(r -> r.last().plus(KEEP).isBefore(now));
    }
    byUsername.compute(
        key(username),
        (k, r) ->
            r == null || r.last().plus(KEEP).isBefore(now)
                ? new Recent(1, now, address)
                : new Recent(r.count() + 1, now, address));
  }

  /** Failures of the last day for a username, if any. */
  public Optional<Recent> of(String username) {
    Recent r = username == null ? null : byUsername.get(key(username));
    return r == null || r.last().plus(KEEP).isBefore(clock.instant())
        ? Optional.empty()
        : Optional.of(r);
  }

  private static String key(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  /** Failures counted since the first of the last day's run; the last one's time and address. */
  public record Recent(int count, Instant last, String lastAddress) implements Serializable {

    /** For the page's formats, which take offset times. */
    public OffsetDateTime lastAt() {
      return last.atOffset(ZoneOffset.UTC);
    }
  }
}
