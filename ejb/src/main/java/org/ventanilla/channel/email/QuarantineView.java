package org.ventanilla.channel.email;

import java.io.Serializable;
import java.time.OffsetDateTime;
import org.ventanilla.common.Times;

/** A quarantined mail as admins see it. */
public record QuarantineView(
    long id,
    Long imapUid,
    String reason,
    long size,
    OffsetDateTime receivedAt,
    OffsetDateTime resolvedAt,
    String resolution)
    implements Serializable {

  static QuarantineView of(QuarantinedMail q) {
    return new QuarantineView(
        q.getId(),
        q.getImapUid(),
        q.getReason(),
        q.getSize(),
        Times.utc(q.getReceivedAt()),
        Times.utc(q.getResolvedAt()),
        q.getResolution());
  }
}
