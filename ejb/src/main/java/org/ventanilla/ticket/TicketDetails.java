package org.ventanilla.ticket;

import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.ventanilla.common.Enums;
import org.ventanilla.common.Times;
import org.ventanilla.ticket.TicketSummary.CustomerRef;

/** A ticket with its whole conversation and activity log. */
public record TicketDetails(
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
    List<MessageView> messages,
    List<EventView> events,
    Long mergedInto,
    Long splitFrom,
    CsatView csat,
    @JsonbTransient long version) {

  /** The customer's satisfaction survey of the ticket: sent, and maybe answered. */
  public record CsatView(
      OffsetDateTime sentAt, OffsetDateTime answeredAt, Integer score, String comment) {

    static CsatView of(Ticket t) {
      return t.getCsatSentAt() == null
          ? null
          : new CsatView(
              Times.utc(t.getCsatSentAt()),
              Times.utc(t.getCsatAnsweredAt()),
              t.getCsatScore(),
              t.getCsatComment());
    }
  }

  static TicketDetails of(Ticket t, List<Message> messages, List<TicketEvent> events, Instant now) {
    return new TicketDetails(
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
        SlaView.of(t, now),
        messages.stream().map(MessageView::of).toList(),
        events.stream().map(EventView::of).toList(),
        t.getMergedIntoId(),
        t.getSplitFromId(),
        CsatView.of(t),
        t.getVersion());
  }

  /** The HTTP entity tag: the optimistic-lock version, quoted. */
  public String etag() {
    return "\"" + version + "\"";
  }
}
