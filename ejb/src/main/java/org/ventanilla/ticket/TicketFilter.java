package org.ventanilla.ticket;

import org.ventanilla.channel.ChannelType;

/**
 * Which tickets a list shows. {@code statuses} null means every status; {@code assignee} is a
 * username, and {@code unassigned} asks for tickets without one.
 */
public record TicketFilter(
    java.util.Set<TicketStatus> statuses,
    ChannelType channel,
    String assignee,
    boolean unassigned,
    Priority priority) {

  public static TicketFilter all() {
    return new TicketFilter(null, null, null, false, null);
  }
}
