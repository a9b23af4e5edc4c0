package org.ventanilla.ticket;

import java.util.List;

/**
 * A partial update of a ticket. {@code assigneeSet} tells an explicit null (unassign) from an
 * absent field. {@code tags} (null: unchanged) replaces the ticket's tags; {@code addTags} and
 * {@code removeTags} (bulk actions) change only those. Unknown tag names are created.
 */
public record TicketChanges(
    String status,
    String priority,
    boolean assigneeSet,
    String assignee,
    List<String> tags,
    List<String> addTags,
    List<String> removeTags) {

  public TicketChanges(String status, String priority, boolean assigneeSet, String assignee) {
    this(status, priority, assigneeSet, assignee, null, null, null);
  }
}
