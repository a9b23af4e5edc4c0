package org.ventanilla.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the analytics page shows, for the tickets created in a range of UTC days (tickets
 * closed by a merge left out of the times): interpolated percentiles of first response and
 * resolution times overall and per channel, agent, tag and priority; tickets per hour of day and
 * ISO day of week (1 = Monday) in {@code timeZone}; open tickets at the end of each day; the
 * summary's figures; monthly retention; returning customers; SLA compliance per day; CSAT.
 */
public record AnalyticsReport(
    LocalDate from,
    LocalDate to,
    String channel,
    String timeZone,
    long tickets,
    Percentiles firstResponseMinutes,
    Percentiles resolutionMinutes,
    List<Breakdown> byChannel,
    List<Breakdown> byAgent,
    List<Breakdown> byTag,
    List<Breakdown> byPriority,
    List<HeatCell> heatmap,
    List<DayCount> backlog,
    Double averageFirstResponseMinutes,
    Double resolvedWithin24hPercent,
    Map<String, Long> ticketsPerChannel,
    List<Retention> retention,
    long returningCustomers,
    List<DayPercent> slaCompliance,
    Csat csat) {

  /** Median and 90th percentile, interpolated (percentile_cont); null over no values. */
  public record Percentiles(Double median, Double p90) {}

  /** One group's figures: a channel, an agent's username (null: unassigned), a tag, a priority. */
  public record Breakdown(
      String key, long tickets, Percentiles firstResponseMinutes, Percentiles resolutionMinutes) {}

  public record HeatCell(int dayOfWeek, int hour, long tickets) {}

  public record DayCount(LocalDate day, long open) {}

  public record DayPercent(LocalDate day, Double percent) {}

  /**
   * Customers who wrote (opened a ticket) in {@code month}, and those of them who did in the next.
   */
  public record Retention(String month, long customers, long retained, Double percent) {}

  public record Csat(long sent, long answered, Double responseRate, Double averageScore) {}
}
