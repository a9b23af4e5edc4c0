package org.ventanilla.automation;

import java.util.Set;

/**
 * What a rule's conditions look at on one ticket, already read: values lower-case as in the API
 * ({@code "email"}, {@code "in_progress"}), {@code body} the customer's latest message, {@code
 * channelId} the mailbox or number (none for tickets the API recorded), {@code csatScore} the
 * survey's answer (none before one).
 */
public record TicketFacts(
    String subject,
    String body,
    String channel,
    Set<String> tags,
    String priority,
    String status,
    String assignee,
    Set<String> customer,
    boolean businessHours,
    Long channelId,
    Integer csatScore) {}
