package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.agent.Role;
import org.ventanilla.report.ReportPeriod;
import org.ventanilla.report.ReportService;

/** The pricing report: our messages Meta priced, counted per month and category in the database. */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class WhatsAppPricingService {

  @Inject ReportService reports;
  @PersistenceContext EntityManager em;

  /** Same range rules as the other reports (defaults: the 30 days up to today). */
  public WhatsAppPricingReport months(String from, String to) {
    ReportPeriod period = reports.period(from, to);
    List<Object[]> rows =
        em.createQuery(
                "SELECT p.priceMonth, p.category, COUNT(p) FROM WhatsAppPricing p"
                    + " WHERE p.pricedAt >= :start AND p.pricedAt < :end"
                    + " GROUP BY p.priceMonth, p.category ORDER BY p.priceMonth, p.category",
                Object[].class)
            .setParameter("start", start(period.from()))
            .setParameter("end", start(period.to().plusDays(1)))
            .getResultList();
    Map<String, Map<String, Long>> byMonth = new LinkedHashMap<>();
    for (Object[] row : rows) {
      byMonth
          .computeIfAbsent((String) row[0], m -> new LinkedHashMap<>())
          .put((String) row[1], ((Number) row[2]).longValue());
    }
    List<WhatsAppPricingReport.Month> months = new ArrayList<>();
    byMonth.forEach((m, c) -> months.add(new WhatsAppPricingReport.Month(m, c)));
    return new WhatsAppPricingReport(period.from().toString(), period.to().toString(), months);
  }

  private static java.time.Instant start(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
