package org.ventanilla.ticket;

/**
 * How far an outbound message got. Channels report out of order, so a status only moves forward
 * (queued &lt; sent &lt; delivered &lt; read); failed is final.
 */
public enum DeliveryStatus {
  QUEUED,
  SENT,
  DELIVERED,
  READ,
  FAILED;

  public boolean isAfter(DeliveryStatus other) {
    return this.ordinal() > other.ordinal();
  }
}
