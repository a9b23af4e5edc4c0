/**
 * Automations (issue 18): sharing new tickets out among the agents who are online. Automation sits
 * above the ticket domain: the ticket services announce what happened as CDI events ({@link
 * org.ventanilla.ticket.TicketOpened}, {@link org.ventanilla.agent.AvailabilityChanged}) and this
 * package observes them after the announcing transaction succeeded, in a transaction of its own, so
 * an automation failure never loses an inbound message.
 *
 * <p>Fairness across servers: every hand-out locks the one {@code assignment_setting} row ({@code
 * SELECT ... FOR UPDATE}) and picks, inside that lock, the online agent whose last turn is oldest
 * (round robin) or who holds the fewest open tickets (balanced), then records the new turn. A
 * second server waits for the lock and so sees the turn the first one took.
 */
package org.ventanilla.automation;
