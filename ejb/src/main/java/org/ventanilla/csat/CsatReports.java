package org.ventanilla.csat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The CSAT report's SQL: one GROUP BY per breakdown, portable between H2 2 and PostgreSQL. */
@ApplicationScoped
public class CsatReports {

  @PersistenceContext EntityManager em;

  public CsatReport report(LocalDate first, LocalDate last) {
    List<CsatReport.Row> total = rows("'all'", "", first, last);
    CsatReport.Row all =
        total.isEmpty() ? new CsatReport.Row("all", 0, 0, null, null) : total.get(0);
    List<CsatReport.Row> perAgent =
        rows("a.username", " LEFT JOIN agent a ON a.id = t.assignee_id", first, last);
    List<CsatReport.Row> perChannel =
        rows("t.channel", "", first, last).stream()
            .map(
                r ->
                    new CsatReport.Row(
                        r.key().toLowerCase(Locale.ROOT),
                        r.sent(),
                        r.answered(),
                        r.responseRate(),
                        r.averageScore()))
            .toList();
    Map<String, CsatReport.Row> byDay = new HashMap<>();
    for (CsatReport.Row r :
        rows("FLOOR(EXTRACT(EPOCH FROM t.csat_sent_at) / 86400)", "", first, last)) {
      String day = LocalDate.ofEpochDay((long) Double.parseDouble(r.key())).toString();
      byDay.put(
          day, new CsatReport.Row(day, r.sent(), r.answered(), r.responseRate(), r.averageScore()));
    }
    List<CsatReport.Row> trend = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      trend.add(
          byDay.getOrDefault(d.toString(), new CsatReport.Row(d.toString(), 0, 0, null, null)));
    }
    return new CsatReport(
        first,
        last,
        all.sent(),
        all.answered(),
        all.responseRate(),
        all.averageScore(),
        perAgent,
        perChannel,
        trend);
  }

  /** Grouped by {@code key}, an expression of our own (never input). */
  private List<CsatReport.Row> rows(String key, String join, LocalDate first, LocalDate last) {
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        em.createNativeQuery(
                "SELECT "
                    + key
                    + ", COUNT(*), COUNT(t.csat_answered_at), AVG(CAST(t.csat_score AS DOUBLE PRECISION))"
                    + " FROM ticket t"
                    + join
                    + " WHERE t.csat_sent_at >= ?1 AND t.csat_sent_at < ?2"
                    // PostgreSQL groups by no constant: the overall row is no group.
                    + (key.startsWith("'") ? "" : " GROUP BY " + key + " ORDER BY 2 DESC, 1"))
            .setParameter(1, first.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
            .setParameter(2, last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
            .getResultList();
    return found.stream()
        .map(
            row -> {
              long sent = ((Number) row[1]).longValue();
              long answered = ((Number) row[2]).longValue();
              return new CsatReport.Row(
                  row[0] == null ? null : String.valueOf(row[0]),
                  sent,
                  answered,
                  sent == 0 ? null : round(100.0 * answered / sent),
                  row[3] == null ? null : round(((Number) row[3]).doubleValue()));
            })
        .toList();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
