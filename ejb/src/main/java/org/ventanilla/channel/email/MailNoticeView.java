package org.ventanilla.channel.email;

import java.io.Serializable;
import java.time.OffsetDateTime;
import org.ventanilla.common.Enums;
import org.ventanilla.common.Times;

/**
 * A bounce or auto-reply kept on a channel, as admins see it; {@code kind} is {@code bounce} or
 * {@code auto_reply}.
 */
public record MailNoticeView(
    long id,
    String kind,
    String sender,
    String subject,
    String recipient,
    String reason,
    String originalMessageId,
    long size,
    OffsetDateTime receivedAt)
    implements Serializable {

  static MailNoticeView of(MailNotice n) {
    return new MailNoticeView(
        n.getId(),
        Enums.json(n.getKind()),
        n.getSenderAddress(),
        n.getSubject(),
        n.getRecipient(),
        n.getReason(),
        n.getOriginalMessageId(),
        n.getSize(),
        Times.utc(n.getReceivedAt()));
  }
}
