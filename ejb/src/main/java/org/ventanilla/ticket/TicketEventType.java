package org.ventanilla.ticket;

/** What the activity log records. */
public enum TicketEventType {
  CREATED,
  MESSAGE_RECEIVED,
  STATUS_CHANGED,
  REOPENED,
  PRIORITY_CHANGED,
  ASSIGNED,
  NOTE_ADDED,
  REPLIED,
  CUSTOMER_MERGED,
  TAGGED,
  UNTAGGED,
  SLA_WARNING,
  SLA_BREACH,
  SNOOZED,
  UNSNOOZED
}
