package org.ventanilla.csat;

import java.time.LocalDate;
import java.util.List;

/**
 * Surveys counted by the day they were sent: how many went out, how many were answered, the rate
 * (0-100) and the average score, overall, per agent (the ticket's assignee), per channel and per
 * day.
 */
public record CsatReport(
    LocalDate from,
    LocalDate to,
    long sent,
    long answered,
    Double responseRate,
    Double averageScore,
    List<Row> perAgent,
    List<Row> perChannel,
    List<Row> trend) {

  /** One group: an agent's username (null: unassigned), a channel, or a day (YYYY-MM-DD). */
  public record Row(
      String key, long sent, long answered, Double responseRate, Double averageScore) {}
}
