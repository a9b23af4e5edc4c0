package org.ventanilla.ticket;

/**
 * A customer's first message, as the tickets API records it (imports, tests): who wrote, on which
 * channel, and what.
 */
public record NewInboundTicket(
    String channel, String subject, String text, String html, Sender customer, String externalId) {

  /** The customer as the message names them: email for mail, phone for WhatsApp. */
  public record Sender(String name, String email, String phone) {}
}
