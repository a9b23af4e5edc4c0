package org.ventanilla.ticket;

/** Who wrote a message. */
public enum AuthorType {
  CUSTOMER,
  AGENT,
  SYSTEM,
  /**
   * Someone else on the conversation: copied on a reply, or sent a forward ({@link Participant}).
   */
  PARTICIPANT,
  /** Someone a forward was sent to, answering it. */
  THIRD_PARTY
}
