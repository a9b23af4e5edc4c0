package org.ventanilla.ticket;

/**
 * A partial update of a ticket. {@code assigneeSet} tells an explicit null (unassign) from an
 * absent field.
 */
public record TicketChanges(String status, String priority, boolean assigneeSet, String assignee) {}
