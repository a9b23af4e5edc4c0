package org.ventanilla.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;

/**
 * Reports for the team. Days are UTC days; both ends of the range are included. Every method takes
 * the range as YYYY-MM-DD ({@code to} today and {@code from} 29 days before it when absent) and an
 * optional channel.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class ReportService {

  private static final int MAX_DAYS = 366;

  @Inject ReportRepository reports;
  @Inject Clock clock;
  @Inject AnalyticsRepository analytics;

  /**
   * The analytics page's figures; the heatmap in {@code timeZone} (an IANA id; by default
   * VENTANILLA_TIME_ZONE, else Europe/Madrid).
   */
  public AnalyticsReport analytics(String from, String to, String channel, String timeZone) {
    ReportPeriod period = period(from, to);
    String zoneId =
        timeZone == null || timeZone.isBlank()
            ? org.ventanilla.platform.Settings.get("ventanilla.time.zone").orElse("Europe/Madrid")
            : timeZone.strip();
    java.time.ZoneId zone;
    try {
      zone = java.time.ZoneId.of(zoneId);
    } catch (java.time.DateTimeException e) {
      throw new InvalidInputException("invalid_time_zone", "Unknown time zone " + zoneId);
    }
    if (!zone.getId().matches("[A-Za-z0-9_/+-]{1,64}")) {
      throw new InvalidInputException("invalid_time_zone", "Unknown time zone " + zoneId);
    }
    return analytics.analytics(period.from(), period.to(), channel(channel), zone, clock.instant());
  }

  public SummaryReport summary(String from, String to, String channel) {
    ReportPeriod period = period(from, to);
    return reports.summary(
        start(period.from()), start(period.to().plusDays(1)), channel(channel), clock.instant());
  }

  /** The range the other methods use for these parameters: defaults filled in, checked. */
  public ReportPeriod period(String from, String to) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate last = to == null || to.isBlank() ? today : date("to", to);
    LocalDate first = from == null || from.isBlank() ? last.minusDays(29) : date("from", from);
    if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
      throw new InvalidInputException(
          "invalid_range",
          "from must not be after to, and the range at most " + MAX_DAYS + " days");
    }
    return new ReportPeriod(first, last);
  }

  /** Tickets created per day and channel; every day of the range, zeros included. */
  public List<DailyTickets> ticketsPerDay(String from, String to, String channel) {
    ReportPeriod period = period(from, to);
    return reports.ticketsPerDay(period.from(), period.to(), channel(channel));
  }

  /** The open tickets now, whatever their creation date, per assignee and status. */
  public List<OpenTickets> openByAssignee(String channel) {
    return reports.openByAssignee(channel(channel));
  }

  /** Per agent: open tickets assigned now, resolved in the range, first response times. */
  public List<AgentWorkload> agentWorkload(String from, String to, String channel) {
    ReportPeriod period = period(from, to);
    return reports.agentWorkload(period.from(), period.to(), channel(channel));
  }

  private static ChannelType channel(String channel) {
    return channel == null || channel.isBlank()
        ? null
        : Enums.parse(ChannelType.class, "channel", channel);
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field + " must be a date like 2026-03-31, not '" + value + "'");
    }
  }
}
