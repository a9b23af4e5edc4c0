package org.ventanilla.savedview;

import java.io.Serializable;

/** A view as the API shows it, with how many tickets it holds right now. */
public record SavedViewSummary(
    long id,
    String name,
    String owner,
    boolean shared,
    String status,
    String channel,
    String assignee,
    String priority,
    String tag,
    String text,
    String sla,
    long count)
    implements Serializable {

  static SavedViewSummary of(SavedView v, long count) {
    return new SavedViewSummary(
        v.getId(),
        v.getName(),
        v.getOwner().getUsername(),
        v.isShared(),
        v.getStatus(),
        v.getChannel(),
        v.getAssignee(),
        v.getPriority(),
        v.getTag(),
        v.getText(),
        v.getSla(),
        count);
  }
}
