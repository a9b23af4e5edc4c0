package org.ventanilla.ticket;

import org.ventanilla.common.DomainException;
import org.ventanilla.common.Enums;

/** A status change the ticket's rules forbid, such as resolved back to new. */
public class IllegalTransitionException extends DomainException {

  public IllegalTransitionException(TicketStatus from, TicketStatus to) {
    super(
        "illegal_transition",
        "A ticket cannot go from " + Enums.json(from) + " to " + Enums.json(to));
  }
}
