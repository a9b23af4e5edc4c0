package org.ventanilla.ticket;

import java.io.Serializable;

/** A template the ticket's channel has approved, as the composer offers it. */
public record ReplyTemplate(long id, String name, String language, int parameterCount, String text)
    implements Serializable {}
