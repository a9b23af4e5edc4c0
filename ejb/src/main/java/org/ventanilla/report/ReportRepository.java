package org.ventanilla.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.persistence.sessions.Session;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.Enums;

/**
 * The report's SQL. Durations are differences of {@code EXTRACT(EPOCH ...)}, the median comes from
 * {@code PERCENTILE_CONT(0.5) WITHIN GROUP}, in one pass, all portable between H2 2 and PostgreSQL.
 * A UTC day is the whole number of days since the epoch, {@code FLOOR(EXTRACT(EPOCH ...) / 86400)},
 * the same on both and independent of the session's time zone.
 */
@ApplicationScoped
public class ReportRepository {

  private static final String FIRST_RESPONSE_MINUTES =
      "(EXTRACT(EPOCH FROM t.first_response_at) - EXTRACT(EPOCH FROM t.created_at)) / 60.0";

  /**
   * The same on PostgreSQL in double precision: its EXTRACT answers in numeric, which made the
   * average and median over 100,000 tickets three times slower (date_part is PostgreSQL's own).
   */
  private static final String FIRST_RESPONSE_MINUTES_PG =
      "date_part('epoch', t.first_response_at - t.created_at) / 60";

  /** A clock missed, as {@code Ticket.slaBreaches} decides it, with ?4 as now. */
  private static final String BREACHED =
      "((t.first_response_due_at IS NOT NULL AND ((t.first_response_at IS NOT NULL"
          + " AND t.first_response_at > t.first_response_due_at)"
          + " OR (t.first_response_at IS NULL AND t.status <> 'RESOLVED'"
          + " AND t.first_response_due_at < ?4)))"
          + " OR (t.resolution_due_at IS NOT NULL"
          + " AND COALESCE(t.resolved_at, ?4) > t.resolution_due_at))";

  private static final String UNDER_SLA =
      "(t.first_response_due_at IS NOT NULL OR t.resolution_due_at IS NOT NULL)";

  @PersistenceContext private EntityManager em;

  /**
   * Tickets created from {@code from} (inclusive) to {@code to} (exclusive), in one pass over them:
   * at 100,000 tickets three statements (totals, a GROUP BY per channel, a median from ROW_NUMBER
   * over every duration) read the range three times and sorted it twice, 0.36 s; PERCENTILE_CONT
   * takes the same median (the mean of the middle two for an even count), and a day is compared as
   * an interval rather than as a difference of epochs.
   */
  public SummaryReport summary(Instant from, Instant to, ChannelType channel, Instant now) {
    String minutes = postgres() ? FIRST_RESPONSE_MINUTES_PG : FIRST_RESPONSE_MINUTES;
    List<ChannelType> channels = channel == null ? List.of(ChannelType.values()) : List.of(channel);
    StringBuilder perChannel = new StringBuilder();
    for (ChannelType type : channels) {
      // Enum names only: no input reaches the query text.
      perChannel
          .append(" SUM(CASE WHEN t.channel = '")
          .append(type.name())
          .append("' THEN 1 ELSE 0 END),");
    }
    Object[] totals =
        (Object[])
            bind(
                    em.createNativeQuery(
                        "SELECT COUNT(*),"
                            + " SUM(CASE WHEN t.status <> 'RESOLVED' THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN t.resolved_at <= t.created_at + INTERVAL '1' DAY"
                            + " THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN "
                            + UNDER_SLA
                            + " THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN "
                            + UNDER_SLA
                            + " AND NOT "
                            + BREACHED
                            + " THEN 1 ELSE 0 END),"
                            + " AVG("
                            + minutes
                            + "), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "
                            + minutes
                            + "),"
                            + perChannel.substring(0, perChannel.length() - 1)
                            + " FROM ticket t WHERE t.created_at >= ?1 AND t.created_at < ?2"
                            // ?3 is the channel or ALL: no untyped null parameter.
                            + " AND (?3 = 'ALL' OR t.channel = ?3)"),
                    from,
                    to,
                    channel)
                .setParameter(4, utc(now))
                .getSingleResult();
    long created = number(totals[0]);
    Map<String, Long> byChannel = new LinkedHashMap<>();
    for (int i = 0; i < channels.size(); i++) {
      byChannel.put(Enums.json(channels.get(i)), number(totals[7 + i]));
    }
    long underSla = number(totals[3]);
    return new SummaryReport(
        created,
        byChannel,
        number(totals[1]),
        new SummaryReport.Minutes(round(totals[5]), round(totals[6])),
        created == 0 ? null : round(100.0 * number(totals[2]) / created),
        underSla == 0 ? null : round(100.0 * number(totals[4]) / underSla));
  }

  /** Tickets created per UTC day and channel, every day from {@code first} to {@code last}. */
  public List<DailyTickets> ticketsPerDay(LocalDate first, LocalDate last, ChannelType channel) {
    String day = "FLOOR(EXTRACT(EPOCH FROM t.created_at) / 86400)";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bind(
                em.createNativeQuery(
                    "SELECT "
                        + day
                        + ", t.channel, COUNT(*) FROM ticket t"
                        + " WHERE t.created_at >= ?1 AND t.created_at < ?2"
                        + " AND (?3 = 'ALL' OR t.channel = ?3)"
                        + " GROUP BY "
                        + day
                        + ", t.channel"),
                start(first),
                start(last.plusDays(1)),
                channel)
            .getResultList();
    Map<LocalDate, Map<String, Long>> counts = new HashMap<>();
    for (Object[] row : rows) {
      counts
          .computeIfAbsent(LocalDate.ofEpochDay(number(row[0])), d -> new HashMap<>())
          .put(((String) row[1]).toLowerCase(Locale.ROOT), number(row[2]));
    }
    List<DailyTickets> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Map<String, Long> found = counts.getOrDefault(d, Map.of());
      Map<String, Long> byChannel = new LinkedHashMap<>();
      long total = 0;
      for (String type : channels(channel)) {
        long n = found.getOrDefault(type, 0L);
        byChannel.put(type, n);
        total += n;
      }
      days.add(new DailyTickets(d, byChannel, total));
    }
    return days;
  }

  /** The open tickets now, whenever created, per assignee (unassigned included), most first. */
  public List<OpenTickets> openByAssignee(ChannelType channel) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT a.username, a.display_name,"
                    + " SUM(CASE WHEN t.status = 'NEW' THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN t.status = 'IN_PROGRESS' THEN 1 ELSE 0 END), COUNT(*)"
                    + " FROM ticket t LEFT JOIN agent a ON a.id = t.assignee_id"
                    + " WHERE t.status <> 'RESOLVED' AND (?1 = 'ALL' OR t.channel = ?1)"
                    + " GROUP BY a.username, a.display_name"
                    + " ORDER BY COUNT(*) DESC, a.display_name")
            .setParameter(1, channelParameter(channel))
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new OpenTickets(
                    (String) row[0],
                    (String) row[1],
                    number(row[2]),
                    number(row[3]),
                    number(row[4])))
        .toList();
  }

  /**
   * Per agent: open tickets assigned now, tickets resolved in the range, and first response times
   * of the tickets created in the range, all counted by the ticket's assignee. Active agents are
   * listed even with nothing to count; deactivated ones only when they have figures.
   */
  public List<AgentWorkload> agentWorkload(LocalDate first, LocalDate last, ChannelType channel) {
    String inChannel = " AND (?3 = 'ALL' OR t.channel = ?3)";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bind(
                em.createNativeQuery(
                    "SELECT a.username, a.display_name, a.active,"
                        + " COALESCE(o.n, 0), COALESCE(r.n, 0), COALESCE(f.n, 0),"
                        + " f.average, f.median"
                        + " FROM agent a"
                        + " LEFT JOIN (SELECT t.assignee_id, COUNT(*) AS n FROM ticket t"
                        + " WHERE t.status <> 'RESOLVED'"
                        + inChannel
                        + " GROUP BY t.assignee_id) o ON o.assignee_id = a.id"
                        + " LEFT JOIN (SELECT t.assignee_id, COUNT(*) AS n FROM ticket t"
                        + " WHERE t.resolved_at >= ?1 AND t.resolved_at < ?2"
                        + inChannel
                        + " GROUP BY t.assignee_id) r ON r.assignee_id = a.id"
                        + " LEFT JOIN (SELECT t.assignee_id, COUNT(*) AS n,"
                        + " AVG("
                        + FIRST_RESPONSE_MINUTES
                        + ") AS average,"
                        + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "
                        + FIRST_RESPONSE_MINUTES
                        + ") AS median"
                        + " FROM ticket t"
                        + " WHERE t.created_at >= ?1 AND t.created_at < ?2"
                        + " AND t.first_response_at IS NOT NULL"
                        + inChannel
                        + " GROUP BY t.assignee_id) f ON f.assignee_id = a.id"
                        + " WHERE a.active = TRUE OR o.n IS NOT NULL OR r.n IS NOT NULL"
                        + " OR f.n IS NOT NULL"
                        + " ORDER BY a.display_name, a.username"),
                start(first),
                start(last.plusDays(1)),
                channel)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new AgentWorkload(
                    (String) row[0],
                    (String) row[1],
                    Boolean.TRUE.equals(row[2]),
                    number(row[3]),
                    number(row[4]),
                    number(row[5]),
                    round(row[6]),
                    round(row[7])))
        .toList();
  }

  private static List<String> channels(ChannelType channel) {
    List<String> names = new ArrayList<>();
    for (ChannelType type : ChannelType.values()) {
      if (channel == null || channel == type) {
        names.add(Enums.json(type));
      }
    }
    return names;
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private boolean postgres() {
    return em.unwrap(Session.class).getDatasourcePlatform().isPostgreSQL();
  }

  private static Query bind(Query query, Instant from, Instant to, ChannelType channel) {
    return query
        .setParameter(1, utc(from))
        .setParameter(2, utc(to))
        .setParameter(3, channelParameter(channel));
  }

  /** The channel or ALL: one statement for both, and no untyped null parameter. */
  private static String channelParameter(ChannelType channel) {
    return channel == null ? "ALL" : channel.name();
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
