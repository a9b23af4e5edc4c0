package org.ventanilla.ticket;

/**
 * What a customer's message brings, whatever the channel: who wrote and from which address, the
 * text (and HTML, stored as received), the channel's id for it, and whether a machine sent it
 * (vacation replies and the like are kept but never reopen a ticket).
 */
public record InboundContent(
    String authorName,
    String senderAddress,
    String subject,
    String text,
    String html,
    String externalId,
    boolean automatic) {

  public static InboundContent of(
      String authorName, String senderAddress, String subject, String text) {
    return new InboundContent(authorName, senderAddress, subject, text, null, null, false);
  }
}
