package org.ventanilla.channel.email;

import java.time.Instant;
import java.util.List;

/**
 * A mail as Ventanilla understands it, whatever client wrote it: decoded sender and subject, the
 * text (from HTML when that is all there is), the HTML as received, the ids that thread it, and
 * what kind of mail it is (a person's, an automatic reply, a bounce).
 *
 * <p>{@code automatic}: a machine sent it (an auto-reply, list or bulk mail); {@code autoReply}: it
 * answers a mail (RFC 3834, out of office, vacation); {@code repaired}: it was read only after
 * repairing it, and its original is the attachment {@link MailParser#ORIGINAL_NAME}.
 *
 * @param messageId the Message-ID, or a synthetic one derived from the content when it is missing
 * @param recipients its own To and Cc
 */
public record ParsedMail(
    String messageId,
    boolean syntheticMessageId,
    List<String> threadIds,
    String fromAddress,
    String fromName,
    String subject,
    Instant sentAt,
    String text,
    String html,
    List<ParsedAttachment> attachments,
    boolean automatic,
    Bounce bounce,
    boolean autoReply,
    boolean repaired,
    MailRecipients recipients) {

  /** A file that came with the mail; {@code content} is null when it was over the size limit. */
  public record ParsedAttachment(
      String filename,
      String contentType,
      long size,
      byte[] content,
      String contentId,
      String note) {}

  /**
   * A delivery report about a mail we sent: every Message-ID it names of that mail (nearest first),
   * the recipient and the reason; {@code failure} unless it only reports a delay.
   */
  public record Bounce(List<String> originalIds, String recipient, String reason, boolean failure) {
    public String originalMessageId() {
      return originalIds.isEmpty() ? null : originalIds.get(0);
    }
  }

  public boolean isBounce() {
    return bounce != null;
  }
}
