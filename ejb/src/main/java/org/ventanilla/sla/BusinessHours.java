package org.ventanilla.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ventanilla.common.InvalidInputException;

/**
 * When the SLA clocks run: weekly opening hours in a time zone, minus holidays. Pure arithmetic on
 * instants, so daylight-saving changes count as the hours that really passed: the night in March
 * when clocks go forward has one working hour less, the one in October one more.
 */
public final class BusinessHours {

  /** Clocks that never stop. */
  public static final BusinessHours ALWAYS = new BusinessHours(null, Map.of(), Set.of());

  private static final int MAX_DAYS = 3 * 366;

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Span>> weekly;
  private final Set<LocalDate> holidays;

  /** Opening time {@code from} to {@code to} on one day; {@code to} may be 24:00 (end of day). */
  public record Span(LocalTime from, LocalTime to) {
    public Span {
      Objects.requireNonNull(from, "from");
      if (to != null && !to.isAfter(from)) {
        throw new InvalidInputException(
            "invalid_business_hours",
            "opening hours must end after they start: " + from + "-" + to);
      }
    }

    /** "09:00-18:00"; "24:00" as the end means midnight at the end of the day. */
    public static Span parse(String text) {
      String[] parts = text.strip().split("-");
      if (parts.length != 2) {
        throw new InvalidInputException(
            "invalid_business_hours", "opening hours look like 09:00-18:00, not '" + text + "'");
      }
      try {
        LocalTime from = LocalTime.parse(parts[0].strip());
        String end = parts[1].strip();
        return new Span(from, end.equals("24:00") ? null : LocalTime.parse(end));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            "invalid_business_hours", "opening hours look like 09:00-18:00, not '" + text + "'");
      }
    }

    @Override
    public String toString() {
      return from + "-" + (to == null ? "24:00" : to.toString());
    }

    Instant start(LocalDate day, ZoneId zone) {
      return ZonedDateTime.of(day, from, zone).toInstant();
    }

    Instant end(LocalDate day, ZoneId zone) {
      return to == null
          ? day.plusDays(1).atStartOfDay(zone).toInstant()
          : ZonedDateTime.of(day, to, zone).toInstant();
    }
  }

  private BusinessHours(ZoneId zone, Map<DayOfWeek, List<Span>> weekly, Set<LocalDate> holidays) {
    this.zone = zone;
    this.weekly = weekly;
    this.holidays = holidays;
  }

  public static BusinessHours of(
      ZoneId zone, Map<DayOfWeek, List<Span>> weekly, Set<LocalDate> holidays) {
    Objects.requireNonNull(zone, "zone");
    Map<DayOfWeek, List<Span>> copy = new EnumMap<>(DayOfWeek.class);
    weekly.forEach(
        (day, spans) -> {
          List<Span> sorted = new ArrayList<>(spans);
          sorted.sort((a, b) -> a.from().compareTo(b.from()));
          for (int i = 1; i < sorted.size(); i++) {
            LocalTime previousEnd = sorted.get(i - 1).to();
            if (previousEnd == null || previousEnd.isAfter(sorted.get(i).from())) {
              throw new InvalidInputException(
                  "invalid_business_hours", "opening hours overlap on " + day);
            }
          }
          if (!sorted.isEmpty()) {
            copy.put(day, List.copyOf(sorted));
          }
        });
    if (copy.isEmpty()) {
      throw new InvalidInputException(
          "invalid_business_hours", "business hours need at least one opening time");
    }
    return new BusinessHours(
        zone, Collections.unmodifiableMap(copy), Set.copyOf(new TreeSet<>(holidays)));
  }

  public boolean isAlways() {
    return zone == null;
  }

  public ZoneId zone() {
    return zone;
  }

  public Map<DayOfWeek, List<Span>> weekly() {
    return weekly;
  }

  public Set<LocalDate> holidays() {
    return holidays;
  }

  /** Whether {@code at} falls inside the opening hours (always, for clocks that never stop). */
  public boolean isOpenAt(Instant at) {
    if (isAlways()) {
      return true;
    }
    LocalDate day = at.atZone(zone).toLocalDate();
    for (LocalDate d = day.minusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
      if (holidays.contains(d)) {
        continue;
      }
      for (Span span : weekly.getOrDefault(d.getDayOfWeek(), List.of())) {
        if (!span.start(d, zone).isAfter(at) && span.end(d, zone).isAfter(at)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The instant at which {@code workingTime} of open hours has passed since {@code start}. */
  public Instant plus(Instant start, Duration workingTime) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("negative working time");
    }
    if (isAlways()) {
      return start.plus(workingTime);
    }
    Duration remaining = workingTime;
    LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      if (holidays.contains(day)) {
        continue;
      }
      for (Span span : weekly.getOrDefault(day.getDayOfWeek(), List.of())) {
        Instant open = span.start(day, zone);
        Instant close = span.end(day, zone);
        if (!close.isAfter(start)) {
          continue;
        }
        Instant from = open.isBefore(start) ? start : open;
        Duration available = Duration.between(from, close);
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("No working time within " + MAX_DAYS + " days of " + start);
  }

  /** The weekly hours as stored: "mon=09:00-14:00,15:00-18:00;tue=...". */
  public String weeklyText() {
    return weekly.entrySet().stream()
        .map(
            e ->
                e.getKey().name().substring(0, 3).toLowerCase(Locale.ROOT)
                    + "="
                    + e.getValue().stream().map(Span::toString).collect(Collectors.joining(",")))
        .collect(Collectors.joining(";"));
  }

  /** The holidays as stored: ISO dates separated by commas, in order. */
  public String holidaysText() {
    return new TreeSet<>(holidays)
        .stream().map(LocalDate::toString).collect(Collectors.joining(","));
  }

  /** Reads what {@link #weeklyText()} and {@link #holidaysText()} wrote. */
  public static BusinessHours parse(String zone, String weeklyText, String holidaysText) {
    Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    for (String entry : weeklyText.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] dayAndSpans = entry.split("=", 2);
      List<Span> spans = new ArrayList<>();
      for (String span : dayAndSpans.length < 2 ? new String[0] : dayAndSpans[1].split(",")) {
        if (!span.isBlank()) {
          spans.add(Span.parse(span));
        }
      }
      weekly.put(day(dayAndSpans[0]), spans);
    }
    Set<LocalDate> holidays = new TreeSet<>();
    if (holidaysText != null) {
      for (String date : holidaysText.split(",")) {
        if (!date.isBlank()) {
          holidays.add(date(date));
        }
      }
    }
    return of(zone(zone), weekly, holidays);
  }

  public static ZoneId zone(String id) {
    try {
      return ZoneId.of(id == null ? "" : id.strip());
    } catch (java.time.DateTimeException e) {
      throw new InvalidInputException("invalid_business_hours", "unknown time zone '" + id + "'");
    }
  }

  public static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "invalid_business_hours", "dates look like 2026-12-25, not '" + text + "'");
    }
  }

  /** "monday" or "mon", in any case. */
  public static DayOfWeek day(String text) {
    String key = text.strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (key.length() >= 3 && day.name().startsWith(key)) {
        return day;
      }
    }
    throw new InvalidInputException("invalid_business_hours", "unknown day '" + text + "'");
  }
}
