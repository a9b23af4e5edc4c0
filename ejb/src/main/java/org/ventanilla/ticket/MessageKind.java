package org.ventanilla.ticket;

/** A message travels to or from the customer; a note stays inside the team. */
public enum MessageKind {
  MESSAGE,
  NOTE
}
