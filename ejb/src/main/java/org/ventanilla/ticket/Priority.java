package org.ventanilla.ticket;

/** How urgent a ticket is; drives SLA policies and the inbox's order of work. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
