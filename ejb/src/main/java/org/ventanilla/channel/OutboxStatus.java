package org.ventanilla.channel;

/** Where a reply stands on its way out. */
public enum OutboxStatus {
  PENDING,
  SENDING,
  SENT,
  FAILED
}
