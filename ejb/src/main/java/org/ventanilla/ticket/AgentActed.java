package org.ventanilla.ticket;

/**
 * An agent changed a ticket ({@code replied} false: status, priority, assignee or tags) or answered
 * the customer ({@code replied} true). Fired in the agent's transaction; automation observes it
 * after the commit.
 */
public record AgentActed(long ticketId, boolean replied) {}
