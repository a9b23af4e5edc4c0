package org.ventanilla.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.ventanilla.agent.Role;
import org.ventanilla.channel.ChannelType;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;

/** Reports for the team. Days are UTC days; both ends of the range are included. */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class ReportService {

  private static final int MAX_DAYS = 366;

  @Inject ReportRepository reports;
  @Inject Clock clock;

  /** {@code from} and {@code to} as YYYY-MM-DD; the last 30 days when absent; channel optional. */
  public SummaryReport summary(String from, String to, String channel) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate last = to == null || to.isBlank() ? today : date("to", to);
    LocalDate first = from == null || from.isBlank() ? last.minusDays(29) : date("from", from);
    if (first.isAfter(last) || first.plusDays(MAX_DAYS).isBefore(last)) {
      throw new InvalidInputException(
          "invalid_range",
          "from must not be after to, and the range at most " + MAX_DAYS + " days");
    }
    ChannelType type =
        channel == null || channel.isBlank()
            ? null
            : Enums.parse(ChannelType.class, "channel", channel);
    return reports.summary(
        first.atStartOfDay(ZoneOffset.UTC).toInstant(),
        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        type,
        clock.instant());
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
