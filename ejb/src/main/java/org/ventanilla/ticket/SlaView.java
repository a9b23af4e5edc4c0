package org.ventanilla.ticket;

import jakarta.json.bind.annotation.JsonbTransient;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.ventanilla.common.Enums;
import org.ventanilla.common.Times;

/**
 * A ticket's service level in JSON and views: the due times (null without a policy) and the clocks
 * already breached ({@code first_response}, {@code resolution}). For badges, the running clocks in
 * one word: {@code state} is {@code overdue} (past due), {@code warning} (past the policy's warning
 * time: the Breaching view), {@code due} (on time) or null (no clock running), and {@code
 * runningDueAt} the due time that word is about.
 */
public record SlaView(
    OffsetDateTime firstResponseDueAt,
    OffsetDateTime resolutionDueAt,
    List<String> breached,
    @JsonbTransient String state,
    @JsonbTransient OffsetDateTime runningDueAt)
    implements Serializable {

  public static final String OVERDUE = "overdue";
  public static final String WARNING = "warning";
  public static final String DUE = "due";

  public static SlaView of(Ticket t, Instant now) {
    // The most urgent running clock speaks for the ticket; of two alike, the one due first.
    int worst = -1;
    Instant runningDue = null;
    for (SlaClockKind clock : SlaClockKind.values()) {
      Instant due = t.slaDueAt(clock);
      if (due == null || !t.isSlaRunning(clock) || t.getStatus() == TicketStatus.RESOLVED) {
        continue;
      }
      Instant warn = t.slaWarnAt(clock);
      int rank = !due.isAfter(now) ? 2 : warn != null && !warn.isAfter(now) ? 1 : 0;
      if (rank > worst || (rank == worst && due.isBefore(runningDue))) {
        worst = rank;
        runningDue = due;
      }
    }
    String state =
        switch (worst) {
          case 2 -> OVERDUE;
          case 1 -> WARNING;
          case 0 -> DUE;
          default -> null;
        };
    return new SlaView(
        Times.utc(t.slaDueAt(SlaClockKind.FIRST_RESPONSE)),
        Times.utc(t.slaDueAt(SlaClockKind.RESOLUTION)),
        t.slaBreaches(now).stream().map(Enums::json).toList(),
        state,
        Times.utc(runningDue));
  }

  /** For badges: a running clock is past its due time. */
  public boolean overdue() {
    return OVERDUE.equals(state);
  }
}
