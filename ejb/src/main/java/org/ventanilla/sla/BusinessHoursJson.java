package org.ventanilla.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Business hours in JSON: {@code {"timeZone":"Europe/Madrid","weekly":{"monday":["09:00-14:00",
 * "15:00-18:00"],...},"holidays":["2026-12-25"]}}.
 */
public record BusinessHoursJson(
    String timeZone, Map<String, List<String>> weekly, List<String> holidays) {

  public BusinessHours toBusinessHours() {
    if (timeZone == null && (weekly == null || weekly.isEmpty())) {
      return BusinessHours.ALWAYS;
    }
    Map<DayOfWeek, List<BusinessHours.Span>> days = new EnumMap<>(DayOfWeek.class);
    if (weekly != null) {
      weekly.forEach(
          (day, spans) ->
              days.put(
                  BusinessHours.day(day),
                  spans == null
                      ? List.of()
                      : spans.stream().map(BusinessHours.Span::parse).toList()));
    }
    Set<LocalDate> dates = new TreeSet<>();
    if (holidays != null) {
      holidays.forEach(d -> dates.add(BusinessHours.date(d)));
    }
    return BusinessHours.of(BusinessHours.zone(timeZone), days, dates);
  }

  /** Null for around the clock. */
  public static BusinessHoursJson of(BusinessHours hours) {
    if (hours.isAlways()) {
      return null;
    }
    Map<String, List<String>> weekly = new LinkedHashMap<>();
    hours
        .weekly()
        .forEach(
            (day, spans) ->
                weekly.put(
                    day.name().toLowerCase(Locale.ROOT),
                    spans.stream().map(BusinessHours.Span::toString).toList()));
    return new BusinessHoursJson(
        hours.zone().getId(),
        weekly,
        new ArrayList<>(
            new TreeSet<>(hours.holidays()).stream().map(LocalDate::toString).toList()));
  }
}
