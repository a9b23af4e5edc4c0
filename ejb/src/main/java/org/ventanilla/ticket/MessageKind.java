package org.ventanilla.ticket;

/** A message travels to or from the customer; a note stays inside the team. */
public enum MessageKind {
  MESSAGE,
  NOTE,
  /**
   * An agent's mail of (part of) the conversation to someone outside it; answers join as a third
   * party's.
   */
  FORWARD
}
