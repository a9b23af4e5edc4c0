package org.ventanilla.ticket;

/**
 * A customer's first message ({@code messageId}) opened a ticket. Fired as a CDI event in the
 * filing transaction; whoever acts on it (automation) observes it after that transaction succeeded,
 * so the message is stored whatever the observer does.
 */
public record TicketOpened(long ticketId, long messageId) {}
