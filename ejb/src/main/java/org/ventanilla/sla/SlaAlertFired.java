package org.ventanilla.sla;

/**
 * A CDI event, fired in the transaction that claimed an SLA alert: observers that wait for its
 * commit see each alert once across servers (the claim of the server that lost rolls back). Rules
 * observe it ({@code sla_warning}, {@code sla_breach}).
 */
public record SlaAlertFired(long ticketId, String clock, boolean breach) {}
