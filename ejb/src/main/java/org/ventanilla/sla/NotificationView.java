package org.ventanilla.sla;

import java.time.OffsetDateTime;
import org.ventanilla.common.Times;

/** A notification in JSON: {@code kind} is {@code sla_warning} or {@code sla_breach}. */
public record NotificationView(
    long id, String kind, String text, Long ticketId, Long ticketNumber, OffsetDateTime createdAt) {

  static NotificationView of(Notification n) {
    return new NotificationView(
        n.getId(),
        n.getKind(),
        n.getText(),
        n.getTicket() == null ? null : n.getTicket().getId(),
        n.getTicket() == null ? null : n.getTicket().getNumber(),
        Times.utc(n.getCreatedAt()));
  }
}
