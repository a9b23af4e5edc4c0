package org.ventanilla.web.inbox;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.ventanilla.ticket.TicketMerges;
import org.ventanilla.ticket.TicketSummary;
import org.ventanilla.web.faces.Feedback;

/**
 * The inbox's bulk merge: the ticked tickets are about one problem, so all of them merge into the
 * oldest (the lowest number), one merge (one transaction) each; a refused one is said and the
 * others still go.
 */
@Named
@ViewScoped
public class InboxMerge implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject InboxView inbox;
  @Inject TicketMerges merges;

  public void mergeIntoOldest() {
    List<TicketSummary> rows = inbox.getModel().getSelection();
    if (rows.size() < 2) {
      Feedback.errorKey("merge.pickTwo");
      return;
    }
    TicketSummary kept = oldest(rows);
    int merged = 0;
    for (TicketSummary row : rows) {
      if (row.id() != kept.id()
          && Feedback.run(() -> merges.merge(row.id(), kept.id(), row.version()))) {
        merged++;
      }
    }
    if (merged > 0) {
      Feedback.info("merge.bulkDone", String.valueOf(merged), String.valueOf(kept.number()));
    }
    inbox.getModel().clearSelection();
  }

  static TicketSummary oldest(List<TicketSummary> rows) {
    return rows.stream().min(Comparator.comparingLong(TicketSummary::number)).orElseThrow();
  }
}
