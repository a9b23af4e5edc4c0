package org.ventanilla.ticket;

import java.io.Serializable;
import java.time.OffsetDateTime;
import org.ventanilla.common.Enums;
import org.ventanilla.common.Times;

/** One line of the activity log. */
public record EventView(String type, String actor, OffsetDateTime at, Details details)
    implements Serializable {

  /** What changed: before and after values and a free note. */
  public record Details(String before, String after, String note) implements Serializable {}

  static EventView of(TicketEvent e) {
    return new EventView(
        Enums.json(e.getType()),
        e.getActor(),
        Times.utc(e.getAt()),
        new Details(e.getBefore(), e.getAfter(), e.getDetails()));
  }
}
