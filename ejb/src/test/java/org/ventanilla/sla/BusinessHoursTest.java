package org.ventanilla.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.common.InvalidInputException;

class BusinessHoursTest {

  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  private static BusinessHours weekdays(ZoneId zone, String spans, LocalDate... holidays) {
    Map<DayOfWeek, List<BusinessHours.Span>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : List.of(DayOfWeek.values()).subList(0, 5)) {
      weekly.put(day, List.of(spans.split(",")).stream().map(BusinessHours.Span::parse).toList());
    }
    return BusinessHours.of(zone, weekly, Set.of(holidays));
  }

  private static Instant madrid(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
  }

  private static Duration minutes(long m) {
    return Duration.ofMinutes(m);
  }

  @Test
  @DisplayName("without business hours the clock runs around the clock")
  void always() {
    Instant start = Instant.parse("2026-03-28T23:30:00Z");
    assertEquals(
        Instant.parse("2026-03-29T01:30:00Z"), BusinessHours.ALWAYS.plus(start, minutes(120)));
  }

  @Test
  @DisplayName("time inside one opening span is simply added")
  void sameDay() {
    BusinessHours hours = weekdays(MADRID, "09:00-18:00");
    assertEquals(madrid("2026-06-10T11:30"), hours.plus(madrid("2026-06-10T10:00"), minutes(90)));
  }

  @Test
  @DisplayName("a start before opening waits for the opening")
  void beforeOpening() {
    BusinessHours hours = weekdays(MADRID, "09:00-18:00");
    assertEquals(madrid("2026-06-10T09:30"), hours.plus(madrid("2026-06-10T06:00"), minutes(30)));
  }

  @Test
  @DisplayName("what does not fit today continues at the next opening, skipping the lunch break")
  void lunchBreakAndNextDay() {
    BusinessHours hours = weekdays(MADRID, "09:00-14:00,15:00-18:00");
    assertEquals(madrid("2026-06-10T15:30"), hours.plus(madrid("2026-06-10T13:00"), minutes(90)));
    assertEquals(madrid("2026-06-11T10:00"), hours.plus(madrid("2026-06-10T17:00"), minutes(120)));
  }

  @Test
  @DisplayName("weekends are skipped: Friday afternoon plus two hours is Monday morning")
  void weekend() {
    BusinessHours hours = weekdays(MADRID, "09:00-18:00");
    assertEquals(madrid("2026-06-15T10:00"), hours.plus(madrid("2026-06-12T17:00"), minutes(120)));
    // Received on Saturday: the clock starts on Monday at opening.
    assertEquals(madrid("2026-06-15T09:45"), hours.plus(madrid("2026-06-13T12:00"), minutes(45)));
  }

  @Test
  @DisplayName("holidays are skipped like a weekend")
  void holidays() {
    BusinessHours hours = weekdays(MADRID, "09:00-18:00", LocalDate.parse("2026-12-08"));
    // Monday 7 December 17:00 + 2 h: Tuesday 8 is a holiday, so Wednesday 10:00.
    assertEquals(madrid("2026-12-09T10:00"), hours.plus(madrid("2026-12-07T17:00"), minutes(120)));
  }

  @Test
  @DisplayName("a long target spans several weeks of working days")
  void severalDays() {
    BusinessHours hours = weekdays(MADRID, "09:00-17:00");
    // 5 working days of 8 h from Monday 09:00 end on Friday 17:00.
    assertEquals(
        madrid("2026-06-12T17:00"), hours.plus(madrid("2026-06-08T09:00"), minutes(5 * 8 * 60)));
  }

  @Test
  @DisplayName("the time zone decides when the office opens")
  void timeZones() {
    BusinessHours mexico = weekdays(ZoneId.of("America/Mexico_City"), "09:00-18:00");
    // 16:00 UTC on a Wednesday in June is 10:00 in Mexico City (UTC-6): 8 h left today.
    assertEquals(
        Instant.parse("2026-06-10T23:30:00Z"),
        mexico.plus(Instant.parse("2026-06-10T16:00:00Z"), minutes(450)));
    // The same instant is 18:00 in Madrid: closed, so the next morning.
    assertEquals(
        madrid("2026-06-11T09:30"),
        weekdays(MADRID, "09:00-18:00").plus(Instant.parse("2026-06-10T16:00:00Z"), minutes(30)));
  }

  @Test
  @DisplayName("across the March change (last Sunday) opening hours stay local, in CEST afterwards")
  void springForwardAcrossWeekend() {
    BusinessHours hours = weekdays(MADRID, "09:00-17:00");
    Instant friday = madrid("2026-03-27T16:00"); // 15:00 UTC, CET
    Instant due = hours.plus(friday, minutes(120));
    assertEquals(Instant.parse("2026-03-30T08:00:00Z"), due); // Monday 10:00 CEST
  }

  @Test
  @DisplayName("the night clocks go forward has one working hour less")
  void springForwardNight() {
    Map<DayOfWeek, List<BusinessHours.Span>> sundays =
        Map.of(DayOfWeek.SUNDAY, List.of(BusinessHours.Span.parse("01:00-04:00")));
    BusinessHours hours = BusinessHours.of(MADRID, sundays, Set.of());
    Instant open = madrid("2026-03-29T01:00"); // 00:00 UTC
    // 01:00 CET to 04:00 CEST are only two real hours.
    assertEquals(Instant.parse("2026-03-29T02:00:00Z"), hours.plus(open, minutes(120)));
    // Half an hour more spills into next Sunday's opening.
    assertEquals(madrid("2026-04-05T01:30"), hours.plus(open, minutes(150)));
  }

  @Test
  @DisplayName("the night clocks go back (last Sunday of October) has one working hour more")
  void fallBackNight() {
    Map<DayOfWeek, List<BusinessHours.Span>> sundays =
        Map.of(DayOfWeek.SUNDAY, List.of(BusinessHours.Span.parse("01:00-04:00")));
    BusinessHours hours = BusinessHours.of(MADRID, sundays, Set.of());
    Instant open = madrid("2026-10-25T01:00"); // 23:00 UTC the day before, CEST
    // 01:00 CEST to 04:00 CET are four real hours.
    assertEquals(Instant.parse("2026-10-25T03:00:00Z"), hours.plus(open, minutes(240)));
    assertEquals(Instant.parse("2026-10-25T02:30:00Z"), hours.plus(open, minutes(210)));
  }

  @Test
  @DisplayName("an around-the-clock day (00:00-24:00) lasts 23 hours in March and 25 in October")
  void fullDaysAcrossChanges() {
    Map<DayOfWeek, List<BusinessHours.Span>> sundays =
        Map.of(DayOfWeek.SUNDAY, List.of(BusinessHours.Span.parse("00:00-24:00")));
    BusinessHours hours = BusinessHours.of(MADRID, sundays, Set.of());
    assertEquals(
        madrid("2026-03-30T00:00"), hours.plus(madrid("2026-03-29T00:00"), minutes(23 * 60)));
    assertEquals(
        madrid("2026-10-26T00:00"), hours.plus(madrid("2026-10-25T00:00"), minutes(25 * 60)));
  }

  @Test
  @DisplayName("stored text reads back to the same hours")
  void roundTrip() {
    BusinessHours hours =
        weekdays(MADRID, "09:00-14:00,15:00-18:00", LocalDate.parse("2026-12-25"));
    BusinessHours read =
        BusinessHours.parse("Europe/Madrid", hours.weeklyText(), hours.holidaysText());
    assertEquals(hours.weekly(), read.weekly());
    assertEquals(hours.holidays(), read.holidays());
    assertEquals("mon=09:00-14:00,15:00-18:00", read.weeklyText().split(";")[0]);
  }

  @Test
  @DisplayName("malformed hours, overlaps, unknown zones and empty weeks are refused")
  void invalid() {
    assertThrows(InvalidInputException.class, () -> BusinessHours.Span.parse("18:00-09:00"));
    assertThrows(InvalidInputException.class, () -> BusinessHours.Span.parse("nine to five"));
    assertThrows(InvalidInputException.class, () -> weekdays(MADRID, "09:00-14:00,13:00-18:00"));
    assertThrows(InvalidInputException.class, () -> BusinessHours.zone("Mars/Olympus"));
    assertThrows(InvalidInputException.class, () -> BusinessHours.of(MADRID, Map.of(), Set.of()));
  }
}
