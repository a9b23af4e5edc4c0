package org.ventanilla.ticket;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.ventanilla.common.Enums;
import org.ventanilla.common.Times;

/**
 * A ticket as a row of the inbox or of the API's list. {@code version} is the optimistic-lock
 * version the row was read at (the API's ETag), kept out of the JSON like the ETag of a ticket: a
 * bulk action sends it back so that a ticket changed since is reported, not overwritten.
 */
public record TicketSummary(
    long id,
    long number,
    String subject,
    String status,
    String priority,
    String channel,
    CustomerRef customer,
    String assignee,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime firstResponseAt,
    OffsetDateTime resolvedAt,
    List<String> tags,
    SlaView sla,
    Integer csatScore,
    @JsonbTransient long version) {

  /** The customer as a ticket refers to it. */
  public record CustomerRef(long id, String name) {}

  public static TicketSummary of(Ticket t) {
    return new TicketSummary(
        t.getId(),
        t.getNumber(),
        t.getSubject(),
        Enums.json(t.getStatus()),
        Enums.json(t.getPriority()),
        Enums.json(t.getChannel()),
        new CustomerRef(t.getCustomer().getId(), t.getCustomer().getName()),
        t.getAssignee() == null ? null : t.getAssignee().getUsername(),
        Times.utc(t.getCreatedAt()),
        Times.utc(t.getUpdatedAt()),
        Times.utc(t.getFirstResponseAt()),
        Times.utc(t.getResolvedAt()),
        t.getTagNames(),
        SlaView.of(t, Instant.now()),
        t.getCsatScore(),
        t.getVersion());
  }
}
