package org.ventanilla.channel.email;

import java.time.Instant;
import java.util.List;

/**
 * A mail as Ventanilla understands it, whatever client wrote it: decoded sender and subject, the
 * text (from HTML when that is all there is), the HTML as received, the ids that thread it, and
 * what kind of mail it is (a person's, an automatic reply, a bounce).
 *
 * @param messageId the Message-ID, or a synthetic one derived from the content when it is missing
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
    Bounce bounce) {

  /** A file that came with the mail; {@code content} is null when it was over the size limit. */
  public record ParsedAttachment(
      String filename,
      String contentType,
      long size,
      byte[] content,
      String contentId,
      String note) {}

  /** A delivery failure report about a mail we sent. */
  public record Bounce(String originalMessageId, String recipient, String reason) {}

  public boolean isBounce() {
    return bounce != null;
  }
}
