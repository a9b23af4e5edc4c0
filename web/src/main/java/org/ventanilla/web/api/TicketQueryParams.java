package org.ventanilla.web.api;

import org.ventanilla.ticket.TicketFilter;

/** Turns the list's query parameters into a filter: status=open means new + in_progress. */
final class TicketQueryParams {

  private TicketQueryParams() {}

  static TicketFilter filter(
      String status, String channel, String assignee, String priority, String callerUsername) {
    return filter(status, channel, assignee, priority, null, callerUsername);
  }

  static TicketFilter filter(
      String status,
      String channel,
      String assignee,
      String priority,
      String tag,
      String callerUsername) {
    return filter(status, channel, assignee, priority, tag, null, callerUsername);
  }

  /** {@code sla=breaching}: open tickets with a running SLA clock past its warning time. */
  static TicketFilter filter(
      String status,
      String channel,
      String assignee,
      String priority,
      String tag,
      String sla,
      String callerUsername) {
    return TicketFilter.parse(status, channel, assignee, priority, tag, null, sla, callerUsername);
  }
}
