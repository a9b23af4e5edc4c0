package org.ventanilla.ticket;

/** Who wrote a message. */
public enum AuthorType {
  CUSTOMER,
  AGENT,
  SYSTEM
}
