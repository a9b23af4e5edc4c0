package org.ventanilla.ticket;

/** The two clocks a service level runs on a ticket. */
public enum SlaClockKind {
  /** From opening until the first agent reply. */
  FIRST_RESPONSE,
  /** From opening (or the last reopening) until resolution. */
  RESOLUTION
}
