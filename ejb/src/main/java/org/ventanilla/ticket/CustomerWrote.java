package org.ventanilla.ticket;

/**
 * A customer's message ({@code messageId}) joined an open conversation (not the one that opened it:
 * that is {@link TicketOpened}). Fired in the filing transaction.
 */
public record CustomerWrote(long ticketId, long messageId) {}
