package org.ventanilla.ticket;

/** A template the ticket's channel has approved, as the composer offers it. */
public record ReplyTemplate(
    long id, String name, String language, int parameterCount, String text) {}
