package org.ventanilla.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.persistence.sessions.Session;
import org.ventanilla.common.ChannelType;
import org.ventanilla.report.AnalyticsReport.Breakdown;
import org.ventanilla.report.AnalyticsReport.Percentiles;

/**
 * The analytics' SQL, every figure an aggregate in the database: {@code PERCENTILE_CONT ... WITHIN
 * GROUP} (H2 2 and PostgreSQL alike), the day series from {@code generate_series} on PostgreSQL and
 * {@code SYSTEM_RANGE} on H2 with a running {@code SUM() OVER} for the backlog, {@code AT TIME
 * ZONE} for the heatmap. Parameters ?1 and ?2 are the range's ends, ?3 the channel or ALL.
 */
@ApplicationScoped
public class AnalyticsRepository {

  private static final String IN_RANGE =
      " t.created_at >= ?1 AND t.created_at < ?2 AND (?3 = 'ALL' OR t.channel = ?3)";

  private static final String BREACHED =
      "((t.first_response_due_at IS NOT NULL AND ((t.first_response_at IS NOT NULL"
          + " AND t.first_response_at > t.first_response_due_at)"
          + " OR (t.first_response_at IS NULL AND t.status <> 'RESOLVED'"
          + " AND t.first_response_due_at < ?4)))"
          + " OR (t.resolution_due_at IS NOT NULL"
          + " AND COALESCE(t.resolved_at, ?4) > t.resolution_due_at))";

  private static final String UNDER_SLA =
      "(t.first_response_due_at IS NOT NULL OR t.resolution_due_at IS NOT NULL)";

  @PersistenceContext EntityManager em;
  @Inject ReportRepository reports;

  public AnalyticsReport analytics(
      LocalDate first, LocalDate last, ChannelType channel, ZoneId zone, Instant now) {
    Instant from = start(first);
    Instant to = start(last.plusDays(1));
    SummaryReport summary = reports.summary(from, to, channel, now);
    List<Breakdown> overall = breakdown("'all'", "", from, to, channel);
    Breakdown all =
        overall.isEmpty()
            ? new Breakdown("all", 0, new Percentiles(null, null), new Percentiles(null, null))
            : overall.get(0);
    return new AnalyticsReport(
        first,
        last,
        channel == null ? null : channel.name().toLowerCase(Locale.ROOT),
        zone.getId(),
        all.tickets(),
        all.firstResponseMinutes(),
        all.resolutionMinutes(),
        lowerCase(breakdown("t.channel", "", from, to, channel)),
        breakdown("a.username", " LEFT JOIN agent a ON a.id = t.assignee_id", from, to, channel),
        breakdown(
            "g.name",
            " JOIN ticket_tag tt ON tt.ticket_id = t.id JOIN tag g ON g.id = tt.tag_id",
            from,
            to,
            channel),
        lowerCase(breakdown("t.priority", "", from, to, channel)),
        heatmap(from, to, channel, zone),
        backlog(first, last, channel),
        summary.firstResponseMinutes().avg(),
        summary.resolvedWithin24hPercent(),
        summary.ticketsByChannel(),
        retention(first, last, channel),
        returning(from, to, channel),
        slaCompliance(first, last, channel, now),
        csat(from, to, channel));
  }

  private String minutes(String end) {
    return postgres()
        ? "date_part('epoch', t." + end + " - t.created_at) / 60"
        : "(EXTRACT(EPOCH FROM t." + end + ") - EXTRACT(EPOCH FROM t.created_at)) / 60.0";
  }

  /** Percentiles grouped by {@code key}, an expression of our own (never input). */
  private List<Breakdown> breakdown(
      String key, String join, Instant from, Instant to, ChannelType channel) {
    String first = minutes("first_response_at");
    String resolution = minutes("resolved_at");
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bind(
                em.createNativeQuery(
                    "SELECT "
                        + key
                        + ", COUNT(*),"
                        + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "
                        + first
                        + "), PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY "
                        + first
                        + "), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "
                        + resolution
                        + "), PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY "
                        + resolution
                        + ") FROM ticket t"
                        + join
                        + " WHERE"
                        + IN_RANGE
                        + " AND t.merged_into_id IS NULL"
                        // PostgreSQL groups by no constant: the overall row is no group.
                        + (key.startsWith("'") ? "" : " GROUP BY " + key + " ORDER BY 2 DESC, 1")),
                from,
                to,
                channel)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Breakdown(
                    r[0] == null ? null : String.valueOf(r[0]),
                    number(r[1]),
                    new Percentiles(round(r[2]), round(r[3])),
                    new Percentiles(round(r[4]), round(r[5]))))
        .toList();
  }

  private static List<Breakdown> lowerCase(List<Breakdown> rows) {
    return rows.stream()
        .map(
            b ->
                new Breakdown(
                    b.key() == null ? null : b.key().toLowerCase(Locale.ROOT),
                    b.tickets(),
                    b.firstResponseMinutes(),
                    b.resolutionMinutes()))
        .toList();
  }

  private List<AnalyticsReport.HeatCell> heatmap(
      Instant from, Instant to, ChannelType channel, ZoneId zone) {
    // The zone is a ZoneId's own id (checked by ZoneId.of), safe to write into the statement.
    String local = "(t.created_at AT TIME ZONE '" + zone.getId() + "')";
    String dow =
        postgres()
            ? "EXTRACT(ISODOW FROM " + local + ")"
            : "EXTRACT(ISO_DAY_OF_WEEK FROM " + local + ")";
    String hour = "EXTRACT(HOUR FROM " + local + ")";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bind(
                em.createNativeQuery(
                    "SELECT "
                        + dow
                        + ", "
                        + hour
                        + ", COUNT(*) FROM ticket t WHERE"
                        + IN_RANGE
                        + " AND t.merged_into_id IS NULL GROUP BY "
                        + dow
                        + ", "
                        + hour
                        + " ORDER BY 1, 2"),
                from,
                to,
                channel)
            .getResultList();
    return rows.stream()
        .map(
            r -> new AnalyticsReport.HeatCell((int) number(r[0]), (int) number(r[1]), number(r[2])))
        .toList();
  }

  /**
   * Open at the end of each day: those open at the range's start, plus a running sum of the day's
   * new tickets minus the day's resolved ones, over a series of every day.
   */
  private List<AnalyticsReport.DayCount> backlog(
      LocalDate first, LocalDate last, ChannelType channel) {
    String day = "CAST(FLOOR(EXTRACT(EPOCH FROM t.%s) / 86400) AS BIGINT)";
    String created = day.formatted("created_at");
    String resolved = day.formatted("resolved_at");
    String series =
        postgres()
            ? "(SELECT generate_series(CAST(?4 AS BIGINT), CAST(?5 AS BIGINT)) AS dn) d"
            : "(SELECT X AS dn FROM SYSTEM_RANGE(?4, ?5)) d";
    String channelFilter = " AND (?3 = 'ALL' OR t.channel = ?3)";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bind(
                em.createNativeQuery(
                    "SELECT d.dn, (SELECT COUNT(*) FROM ticket t WHERE t.created_at < ?1"
                        + " AND (t.resolved_at IS NULL OR t.resolved_at >= ?1)"
                        + channelFilter
                        + ") + SUM(COALESCE(c.n, 0) - COALESCE(r.n, 0)) OVER (ORDER BY d.dn)"
                        + " FROM "
                        + series
                        + " LEFT JOIN (SELECT "
                        + created
                        + " AS dn, COUNT(*) AS n FROM ticket t WHERE t.created_at >= ?1"
                        + " AND t.created_at < ?2"
                        + channelFilter
                        + " GROUP BY "
                        + created
                        + ") c ON c.dn = d.dn"
                        + " LEFT JOIN (SELECT "
                        + resolved
                        + " AS dn, COUNT(*) AS n FROM ticket t WHERE t.resolved_at >= ?1"
                        + " AND t.resolved_at < ?2"
                        + channelFilter
                        + " GROUP BY "
                        + resolved
                        + ") r ON r.dn = d.dn ORDER BY d.dn"),
                start(first),
                start(last.plusDays(1)),
                channel)
            .setParameter(4, first.toEpochDay())
            .setParameter(5, last.toEpochDay())
            .getResultList();
    return rows.stream()
        .map(r -> new AnalyticsReport.DayCount(LocalDate.ofEpochDay(number(r[0])), number(r[1])))
        .toList();
  }

  /**
   * Per month of the range: the customers who opened a ticket in it, and how many of them opened
   * one in the next month too (that next month may lie after the range).
   */
  private List<AnalyticsReport.Retention> retention(
      LocalDate first, LocalDate last, ChannelType channel) {
    YearMonth firstMonth = YearMonth.from(first);
    YearMonth lastMonth = YearMonth.from(last);
    String utc = "(t.created_at AT TIME ZONE 'UTC')";
    String month = "(EXTRACT(YEAR FROM " + utc + ") * 12 + EXTRACT(MONTH FROM " + utc + ") - 1)";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bind(
                em.createNativeQuery(
                    "WITH cm AS (SELECT DISTINCT t.customer_id AS c, CAST("
                        + month
                        + " AS INTEGER) AS m FROM ticket t WHERE t.created_at >= ?1"
                        + " AND t.created_at < ?2 AND (?3 = 'ALL' OR t.channel = ?3))"
                        + " SELECT a.m, COUNT(*), COUNT(b.c) FROM cm a"
                        + " LEFT JOIN cm b ON b.c = a.c AND b.m = a.m + 1"
                        + " GROUP BY a.m ORDER BY a.m"),
                firstMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                lastMonth.plusMonths(2).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                channel)
            .getResultList();
    Map<Integer, Object[]> byMonth = new HashMap<>();
    rows.forEach(r -> byMonth.put((int) number(r[0]), r));
    List<AnalyticsReport.Retention> months = new ArrayList<>();
    for (YearMonth m = firstMonth; !m.isAfter(lastMonth); m = m.plusMonths(1)) {
      Object[] r = byMonth.get(m.getYear() * 12 + m.getMonthValue() - 1);
      long customers = r == null ? 0 : number(r[1]);
      long retained = r == null ? 0 : number(r[2]);
      months.add(
          new AnalyticsReport.Retention(
              m.toString(),
              customers,
              retained,
              customers == 0 ? null : round(100.0 * retained / customers)));
    }
    return months;
  }

  /** Customers of the range who had opened a ticket before it. */
  private long returning(Instant from, Instant to, ChannelType channel) {
    return number(
        bind(
                em.createNativeQuery(
                    "SELECT COUNT(DISTINCT t.customer_id) FROM ticket t WHERE"
                        + IN_RANGE
                        + " AND EXISTS (SELECT 1 FROM ticket p WHERE p.customer_id = t.customer_id"
                        + " AND p.created_at < ?1)"),
                from,
                to,
                channel)
            .getSingleResult());
  }

  /** Per UTC day of creation: the share of tickets under a policy that breached no clock. */
  private List<AnalyticsReport.DayPercent> slaCompliance(
      LocalDate first, LocalDate last, ChannelType channel, Instant now) {
    String day = "FLOOR(EXTRACT(EPOCH FROM t.created_at) / 86400)";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bind(
                em.createNativeQuery(
                    "SELECT "
                        + day
                        + ", SUM(CASE WHEN "
                        + UNDER_SLA
                        + " THEN 1 ELSE 0 END), SUM(CASE WHEN "
                        + UNDER_SLA
                        + " AND NOT "
                        + BREACHED
                        + " THEN 1 ELSE 0 END) FROM ticket t WHERE"
                        + IN_RANGE
                        + " AND t.merged_into_id IS NULL GROUP BY "
                        + day),
                start(first),
                start(last.plusDays(1)),
                channel)
            .setParameter(4, utc(now))
            .getResultList();
    Map<Long, Object[]> byDay = new HashMap<>();
    rows.forEach(r -> byDay.put(number(r[0]), r));
    List<AnalyticsReport.DayPercent> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Object[] r = byDay.get(d.toEpochDay());
      long under = r == null ? 0 : number(r[1]);
      days.add(
          new AnalyticsReport.DayPercent(
              d, under == 0 ? null : round(100.0 * number(r[2]) / under)));
    }
    return days;
  }

  private AnalyticsReport.Csat csat(Instant from, Instant to, ChannelType channel) {
    Object[] r =
        (Object[])
            bind(
                    em.createNativeQuery(
                        "SELECT COUNT(*), COUNT(t.csat_answered_at),"
                            + " AVG(CAST(t.csat_score AS DOUBLE PRECISION)) FROM ticket t"
                            + " WHERE t.csat_sent_at >= ?1 AND t.csat_sent_at < ?2"
                            + " AND (?3 = 'ALL' OR t.channel = ?3)"),
                    from,
                    to,
                    channel)
                .getSingleResult();
    long sent = number(r[0]);
    long answered = number(r[1]);
    return new AnalyticsReport.Csat(
        sent, answered, sent == 0 ? null : round(100.0 * answered / sent), round(r[2]));
  }

  private boolean postgres() {
    return em.unwrap(Session.class).getDatasourcePlatform().isPostgreSQL();
  }

  private static Query bind(Query query, Instant from, Instant to, ChannelType channel) {
    return query
        .setParameter(1, utc(from))
        .setParameter(2, utc(to))
        .setParameter(3, channel == null ? "ALL" : channel.name());
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Double round(Object value) {
    return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
  }
}
