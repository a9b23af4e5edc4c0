package org.ventanilla.ticket;

/**
 * What a customer's message brings, whatever the channel: who wrote and from which address, the
 * text (and HTML, stored as received), the channel's id for it, whether a machine sent it (an
 * auto-reply, a bounce, list or bulk mail: kept, but it never reopens a ticket and loop guards
 * leave it alone) and whether the channel had to repair it to read it.
 */
public record InboundContent(
    String authorName,
    String senderAddress,
    String subject,
    String text,
    String html,
    String externalId,
    boolean automated,
    boolean repaired) {

  /** Content read as it came, nothing repaired. */
  public InboundContent(
      String authorName,
      String senderAddress,
      String subject,
      String text,
      String html,
      String externalId,
      boolean automated) {
    this(authorName, senderAddress, subject, text, html, externalId, automated, false);
  }

  public static InboundContent of(
      String authorName, String senderAddress, String subject, String text) {
    return new InboundContent(authorName, senderAddress, subject, text, null, null, false);
  }
}
