package org.ventanilla.ticket;

import java.time.Instant;

/** When a running clock warns and when it falls due. */
public record SlaDeadline(Instant warnAt, Instant dueAt) {}
