package org.ventanilla.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands. New tickets are taken into work or resolved; resolved ones can be
 * reopened; nothing goes back to new.
 */
public enum TicketStatus {
  NEW,
  IN_PROGRESS,
  RESOLVED;

  public Set<TicketStatus> next() {
    return switch (this) {
      case NEW -> EnumSet.of(IN_PROGRESS, RESOLVED);
      case IN_PROGRESS -> EnumSet.of(RESOLVED);
      case RESOLVED -> EnumSet.of(IN_PROGRESS);
    };
  }

  public boolean canMoveTo(TicketStatus target) {
    return next().contains(target);
  }

  public boolean isOpen() {
    return this != RESOLVED;
  }
}
