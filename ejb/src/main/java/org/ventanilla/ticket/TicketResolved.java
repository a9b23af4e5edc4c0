package org.ventanilla.ticket;

import java.time.Instant;

/**
 * A CDI event: an agent (or a rule) resolved the ticket, in the transaction still running. Not
 * fired for a ticket closed by a merge. The satisfaction survey observes it.
 */
public record TicketResolved(Ticket ticket, Instant at) {}
