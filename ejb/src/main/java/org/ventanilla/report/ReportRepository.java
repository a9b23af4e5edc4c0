package org.ventanilla.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ventanilla.channel.ChannelType;
import org.ventanilla.common.Enums;

/**
 * The report's SQL. Durations are differences of {@code EXTRACT(EPOCH ...)}, the median comes from
 * ROW_NUMBER and COUNT over the ordered durations: both portable between H2 2 and PostgreSQL.
 */
@ApplicationScoped
public class ReportRepository {

  private static final String FIRST_RESPONSE_MINUTES =
      "(EXTRACT(EPOCH FROM t.first_response_at) - EXTRACT(EPOCH FROM t.created_at)) / 60.0";

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

  /** Tickets created from {@code from} (inclusive) to {@code to} (exclusive). */
  public SummaryReport summary(Instant from, Instant to, ChannelType channel, Instant now) {
    // ?3 is the channel or ALL: one statement for both, and no untyped null parameter.
    String scope =
        " FROM ticket t WHERE t.created_at >= ?1 AND t.created_at < ?2"
            + " AND (?3 = 'ALL' OR t.channel = ?3)";
    Object[] totals =
        (Object[])
            bind(
                    em.createNativeQuery(
                        "SELECT COUNT(*),"
                            + " SUM(CASE WHEN t.status <> 'RESOLVED' THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN t.resolved_at IS NOT NULL AND"
                            + " EXTRACT(EPOCH FROM t.resolved_at) - EXTRACT(EPOCH FROM t.created_at)"
                            + " <= 86400 THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN "
                            + UNDER_SLA
                            + " THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN "
                            + UNDER_SLA
                            + " AND NOT "
                            + BREACHED
                            + " THEN 1 ELSE 0 END),"
                            + " AVG(CASE WHEN t.first_response_at IS NOT NULL THEN "
                            + FIRST_RESPONSE_MINUTES
                            + " END)"
                            + scope),
                    from,
                    to,
                    channel)
                .setParameter(4, utc(now))
                .getSingleResult();
    long created = number(totals[0]);
    Map<String, Long> byChannel = new LinkedHashMap<>();
    for (ChannelType type : ChannelType.values()) {
      if (channel == null || channel == type) {
        byChannel.put(Enums.json(type), 0L);
      }
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bind(
                em.createNativeQuery("SELECT t.channel, COUNT(*)" + scope + " GROUP BY t.channel"),
                from,
                to,
                channel)
            .getResultList();
    for (Object[] row : rows) {
      byChannel.put(((String) row[0]).toLowerCase(Locale.ROOT), number(row[1]));
    }
    Object median =
        bind(
                em.createNativeQuery(
                    "SELECT AVG(m.minutes) FROM (SELECT d.minutes,"
                        + " ROW_NUMBER() OVER (ORDER BY d.minutes) AS rn,"
                        + " COUNT(*) OVER () AS cnt FROM (SELECT "
                        + FIRST_RESPONSE_MINUTES
                        + " AS minutes"
                        + scope
                        + " AND t.first_response_at IS NOT NULL) d) m"
                        + " WHERE m.rn IN ((m.cnt + 1) / 2, (m.cnt + 2) / 2)"),
                from,
                to,
                channel)
            .getSingleResult();
    long underSla = number(totals[3]);
    return new SummaryReport(
        created,
        byChannel,
        number(totals[1]),
        new SummaryReport.Minutes(round(totals[5]), round(median)),
        created == 0 ? null : round(100.0 * number(totals[2]) / created),
        underSla == 0 ? null : round(100.0 * number(totals[4]) / underSla));
  }

  private static Query bind(Query query, Instant from, Instant to, ChannelType channel) {
    return query
        .setParameter(1, utc(from))
        .setParameter(2, utc(to))
        .setParameter(3, channel == null ? "ALL" : channel.name());
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
