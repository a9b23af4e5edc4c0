package org.ventanilla.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.ventanilla.common.Enums;
import org.ventanilla.common.Times;

/**
 * A ticket's service level in JSON and views: the due times (null without a policy) and the clocks
 * already breached ({@code first_response}, {@code resolution}).
 */
public record SlaView(
    OffsetDateTime firstResponseDueAt, OffsetDateTime resolutionDueAt, List<String> breached) {

  public static SlaView of(Ticket t, Instant now) {
    return new SlaView(
        Times.utc(t.slaDueAt(SlaClockKind.FIRST_RESPONSE)),
        Times.utc(t.slaDueAt(SlaClockKind.RESOLUTION)),
        t.slaBreaches(now).stream().map(Enums::json).toList());
  }

  /** For badges: the clock still running falls due before {@code now}. */
  public boolean overdue() {
    return !breached.isEmpty();
  }
}
