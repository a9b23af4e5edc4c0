package org.ventanilla.ticket;

import java.util.List;

/**
 * A forward: to whom, a note for them, and which messages of the ticket (all its messages when
 * null; internal notes are never forwarded).
 */
public record ForwardRequest(List<String> to, String text, List<Long> messageIds) {}
