package org.ventanilla.web.inbox;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ventanilla.ticket.BulkOutcome;
import org.ventanilla.ticket.TicketSummary;

/**
 * What a bulk action did, as the inbox tells it: how many tickets were updated, and each one that
 * was not with its number and the reason ({@code changed} by someone else, {@code
 * illegal_transition} from one status to another, {@code not_found}, or {@code other} with the
 * service's words).
 */
public record BulkReport(int updated, List<Failure> failures) implements Serializable {

  /** A ticket left as it was. */
  public record Failure(long id, long number, String reason, String from, String to, String message)
      implements Serializable {}

  static BulkReport of(List<TicketSummary> rows, List<BulkOutcome> outcomes, String target) {
    Map<Long, TicketSummary> byId =
        rows.stream().collect(Collectors.toMap(TicketSummary::id, Function.identity()));
    int updated = 0;
    List<Failure> failures = new ArrayList<>();
    for (BulkOutcome outcome : outcomes) {
      if (outcome.ok()) {
        updated++;
        continue;
      }
      TicketSummary row = byId.get(outcome.id());
      long number = row == null ? outcome.id() : row.number();
      String reason =
          switch (outcome.error()) {
            case "stale_version", "conflict" -> "changed";
            case "illegal_transition", "not_found" -> outcome.error();
            default -> "other";
          };
      boolean transition = reason.equals("illegal_transition") && row != null;
      failures.add(
          new Failure(
              outcome.id(),
              number,
              reason,
              transition ? row.status() : null,
              transition ? target : null,
              outcome.message()));
    }
    return new BulkReport(updated, List.copyOf(failures));
  }

  public int notUpdated() {
    return failures.size();
  }
}
