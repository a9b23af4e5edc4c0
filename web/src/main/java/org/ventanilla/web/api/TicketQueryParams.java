package org.ventanilla.web.api;

import java.util.EnumSet;
import java.util.Set;
import org.ventanilla.channel.ChannelType;
import org.ventanilla.common.Enums;
import org.ventanilla.ticket.Priority;
import org.ventanilla.ticket.TicketFilter;
import org.ventanilla.ticket.TicketStatus;

/** Turns the list's query parameters into a filter: status=open means new + in_progress. */
final class TicketQueryParams {

  private TicketQueryParams() {}

  static TicketFilter filter(
      String status, String channel, String assignee, String priority, String callerUsername) {
    Set<TicketStatus> statuses = null;
    if (status != null && !status.isBlank()) {
      statuses = EnumSet.noneOf(TicketStatus.class);
      for (String part : status.split(",")) {
        if (part.trim().equalsIgnoreCase("open")) {
          statuses.add(TicketStatus.NEW);
          statuses.add(TicketStatus.IN_PROGRESS);
        } else {
          statuses.add(Enums.parse(TicketStatus.class, "status", part));
        }
      }
    }
    ChannelType channelType =
        channel == null || channel.isBlank()
            ? null
            : Enums.parse(ChannelType.class, "channel", channel);
    Priority prio =
        priority == null || priority.isBlank()
            ? null
            : Enums.parse(Priority.class, "priority", priority);
    boolean unassigned = "none".equalsIgnoreCase(assignee);
    String assigneeName =
        assignee == null || assignee.isBlank() || unassigned
            ? null
            : "me".equalsIgnoreCase(assignee) ? callerUsername : assignee;
    return new TicketFilter(statuses, channelType, assigneeName, unassigned, prio);
  }
}
