package org.ventanilla.web.inbox;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.common.DomainException;
import org.ventanilla.tag.Tag;
import org.ventanilla.ticket.BulkOutcome;
import org.ventanilla.ticket.TicketBulkActions;
import org.ventanilla.ticket.TicketChanges;
import org.ventanilla.ticket.TicketStatus;
import org.ventanilla.ticket.TicketSummary;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.faces.Menus;

/**
 * The inbox's bulk toolbar: one change (assignee, status, a tag added or removed) on every ticked
 * ticket, through the bulk service (one transaction per ticket, with the version each row had when
 * ticked). The outcome stays on screen: how many were updated and, for each one that was not, its
 * number and why.
 */
@Named
@ViewScoped
public class InboxBulk implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The assignee menu's value for "nobody". */
  public static final String NOBODY = "none";

  @Inject TicketBulkActions bulk;
  @Inject InboxView inbox;

  private String assignee;
  private String status;
  private String tag;
  private BulkReport report;

  public void assign() {
    if (assignee == null) {
      Feedback.errorKey("bulk.pickAssignee");
      return;
    }
    apply(new TicketChanges(null, null, true, NOBODY.equals(assignee) ? null : assignee), null);
  }

  public void changeStatus() {
    if (status == null) {
      Feedback.errorKey("bulk.pickStatus");
      return;
    }
    apply(new TicketChanges(status, null, false, null), status);
  }

  public void addTag() {
    String name = cleanTag();
    if (name != null) {
      apply(new TicketChanges(null, null, false, null, null, List.of(name), null), null);
    }
  }

  public void removeTag() {
    String name = cleanTag();
    if (name != null) {
      apply(new TicketChanges(null, null, false, null, null, null, List.of(name)), null);
    }
  }

  public void clearSelection() {
    inbox.getModel().clearSelection();
  }

  public void dismissReport() {
    report = null;
  }

  private String cleanTag() {
    try {
      return Tag.cleanName(tag);
    } catch (DomainException e) {
      Feedback.errorKey("bulk.pickTag");
      return null;
    }
  }

  private void apply(TicketChanges changes, String targetStatus) {
    TicketLazyModel model = inbox.getModel();
    List<TicketSummary> rows = model.getSelection();
    if (rows.isEmpty()) {
      return;
    }
    Map<Long, Long> versions = new LinkedHashMap<>();
    rows.forEach(row -> versions.put(row.id(), row.version()));
    List<BulkOutcome> outcomes;
    try {
      outcomes = bulk.apply(List.copyOf(versions.keySet()), changes, versions);
    } catch (DomainException e) {
      Feedback.error(e);
      return;
    }
    report = BulkReport.of(rows, outcomes, targetStatus);
    model.clearSelection();
  }

  public List<String> getStatuses() {
    // Never back to "new": the ticket's status machine refuses it.
    return Menus.except(TicketStatus.class, TicketStatus.NEW);
  }

  public BulkReport getReport() {
    return report;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }
}
