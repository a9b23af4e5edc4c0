package org.ventanilla.ticket;

import java.util.EnumSet;
import java.util.Set;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;

/**
 * Which tickets a list shows. {@code statuses} null means every status; {@code assignee} is a
 * username, and {@code unassigned} asks for tickets without one; {@code tag} is a tag name and
 * {@code text} matches the number, subject or customer name. {@code breaching} keeps the tickets
 * with a running SLA clock past its warning time (so also past its due time): see {@link
 * #BREACHING}.
 */
public record TicketFilter(
    Set<TicketStatus> statuses,
    ChannelType channel,
    String assignee,
    boolean unassigned,
    Priority priority,
    String tag,
    String text,
    boolean breaching,
    boolean snoozed) {

  /**
   * The value of the {@code sla} filter for tickets that need attention now: a clock still running
   * (first response not given, or not resolved) whose warning time has come, whether or not its due
   * time has passed too. A clock that stopped late is history (reports count it), not work.
   */
  public static final String BREACHING = "breaching";

  public TicketFilter(
      Set<TicketStatus> statuses,
      ChannelType channel,
      String assignee,
      boolean unassigned,
      Priority priority,
      String tag,
      String text,
      boolean breaching) {
    this(statuses, channel, assignee, unassigned, priority, tag, text, breaching, false);
  }

  public TicketFilter(
      Set<TicketStatus> statuses,
      ChannelType channel,
      String assignee,
      boolean unassigned,
      Priority priority,
      String tag,
      String text) {
    this(statuses, channel, assignee, unassigned, priority, tag, text, false);
  }

  /**
   * Snoozed tickets only ({@code snoozed=true}); without it every list leaves them out until they
   * come back.
   */
  public TicketFilter onlySnoozed(boolean only) {
    return new TicketFilter(
        statuses, channel, assignee, unassigned, priority, tag, text, breaching, only);
  }

  public TicketFilter(
      Set<TicketStatus> statuses,
      ChannelType channel,
      String assignee,
      boolean unassigned,
      Priority priority) {
    this(statuses, channel, assignee, unassigned, priority, null, null);
  }

  public static TicketFilter all() {
    return new TicketFilter(null, null, null, false, null);
  }

  /**
   * The filter as the API and saved views write it: {@code status=open} means new + in_progress
   * (comma-separated statuses allowed), {@code assignee=me} the caller, {@code none} nobody.
   */
  public static TicketFilter parse(
      String status,
      String channel,
      String assignee,
      String priority,
      String tag,
      String text,
      String callerUsername) {
    return parse(status, channel, assignee, priority, tag, text, null, callerUsername);
  }

  /** As above, with {@code sla=breaching} (the only value of that filter so far). */
  public static TicketFilter parse(
      String status,
      String channel,
      String assignee,
      String priority,
      String tag,
      String text,
      String sla,
      String callerUsername) {
    boolean breaching = sla != null && !sla.isBlank();
    if (breaching && !BREACHING.equalsIgnoreCase(sla.strip())) {
      throw new InvalidInputException("sla must be " + BREACHING + ", not '" + sla + "'");
    }
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
    return new TicketFilter(
        statuses,
        channelType,
        assigneeName,
        unassigned,
        prio,
        tag == null || tag.isBlank() ? null : tag.strip(),
        text == null || text.isBlank() ? null : text.strip(),
        breaching);
  }
}
