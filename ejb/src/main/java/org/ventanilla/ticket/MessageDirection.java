package org.ventanilla.ticket;

/** From the customer to us, or from us to the customer (notes count as outbound, never sent). */
public enum MessageDirection {
  INBOUND,
  OUTBOUND
}
