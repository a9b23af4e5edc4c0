package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ventanilla.report.AnalyticsReport;
import org.ventanilla.report.AnalyticsReport.Breakdown;
import org.ventanilla.report.AnalyticsReport.Percentiles;
import org.ventanilla.report.ReportService;
import org.ventanilla.ticket.NewInboundTicket;
import org.ventanilla.ticket.TicketChanges;
import org.ventanilla.ticket.TicketService;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * The analytics against figures worked out by hand. Tickets are recorded through the service and
 * moved to a year between 1600 and 1889 no other test uses (chosen at random, so a rerun on a kept
 * PostgreSQL database never counts an earlier run's tickets).
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWith(AnalyticsIT.class, Api.class);
  }

  @PersistenceContext(unitName = "ventanilla")
  EntityManager em;

  @Inject UserTransaction tx;
  @Inject TicketService tickets;
  @Inject ReportService reports;

  private SecurityIdentity admin;
  private final int year = 1600 + new java.security.SecureRandom().nextInt(290);

  @BeforeEach
  void signIn() throws Exception {
    admin =
        SecurityDomain.getCurrent()
            .authenticate(Api.ADMIN, new PasswordGuessEvidence(Api.adminPassword().toCharArray()));
  }

  /** "01-10 10:00" in the test's year, UTC. */
  private OffsetDateTime at(String when) {
    return OffsetDateTime.parse(year + "-" + when.replace(" ", "T") + ":00Z");
  }

  private long record(String channel, String customer) throws Exception {
    NewInboundTicket.Sender sender =
        channel.equals("email")
            ? new NewInboundTicket.Sender("Analítica", customer + "@example.org", null)
            : new NewInboundTicket.Sender(
                "Analítica",
                null,
                "+3469" + String.format("%07d", Math.abs(customer.hashCode()) % 10_000_000));
    return admin.runAs(
        (Callable<Long>)
            () ->
                tickets
                    .recordInbound(
                        new NewInboundTicket(channel, "Analítica", "Hola", null, sender, null))
                    .id());
  }

  /** Sets columns of a ticket: pairs of column name and value (a time, a number or text). */
  private void set(long id, Object... columnsAndValues) throws Exception {
    tx.begin();
    StringBuilder sql = new StringBuilder("UPDATE ticket SET ");
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      sql.append(i == 0 ? "" : ", ").append(columnsAndValues[i]).append(" = ?").append(i / 2 + 1);
    }
    jakarta.persistence.Query update =
        em.createNativeQuery(
            sql.append(" WHERE id = ?").append(columnsAndValues.length / 2 + 1).toString());
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      update.setParameter(i / 2 + 1, columnsAndValues[i + 1]);
    }
    update.setParameter(columnsAndValues.length / 2 + 1, id).executeUpdate();
    tx.commit();
  }

  private AnalyticsReport analytics(String from, String to) throws Exception {
    return admin.runAs(
        (Callable<AnalyticsReport>)
            () -> reports.analytics(year + "-" + from, year + "-" + to, null, "Europe/Madrid"));
  }

  @Test
  @DisplayName(
      "percentiles, breakdowns, heatmap, backlog, retention, SLA and CSAT match hand-worked figures")
  void figuresMatchHandWorkedOnes() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String a = "ana-" + suffix;
    String b = "beto-" + suffix;
    String c = "carla-" + suffix;
    String tag = "analitica-" + suffix;
    // T1 (Ana, mail): answered after 10 min, resolved after 120 min, kept its SLA, CSAT 4.
    long t1 = record("email", a);
    set(
        t1,
        "status",
        "RESOLVED",
        "created_at",
        at("01-10 10:00"),
        "first_response_at",
        at("01-10 10:10"),
        "resolved_at",
        at("01-10 12:00"),
        "first_response_due_at",
        at("01-10 10:30"),
        "resolution_due_at",
        at("01-11 10:00"),
        "csat_sent_at",
        at("01-10 12:00"),
        "csat_answered_at",
        at("01-10 13:00"),
        "csat_score",
        4);
    // T2 (Beto, mail): answered after 30 min, resolved after 1470 min, survey unanswered.
    long t2 = record("email", b);
    set(
        t2,
        "status",
        "RESOLVED",
        "created_at",
        at("01-10 11:00"),
        "first_response_at",
        at("01-10 11:30"),
        "resolved_at",
        at("01-11 11:30"),
        "csat_sent_at",
        at("01-11 11:30"));
    // T3 (Carla, WhatsApp, high): answered after 60 min, still open.
    long t3 = record("whatsapp", c);
    set(
        t3,
        "status",
        "IN_PROGRESS",
        "priority",
        "HIGH",
        "created_at",
        at("01-11 09:00"),
        "first_response_at",
        at("01-11 10:00"));
    admin.runAs(
        (Callable<Object>)
            () -> {
              for (long id : new long[] {t1, t3}) {
                tickets.update(
                    id, new TicketChanges(null, null, false, null, null, List.of(tag), null), null);
              }
              return null;
            });
    // Ana writes again in February (retained), and in March; Carla does not.
    set(record("email", a), "created_at", at("02-05 09:00"));
    set(record("email", a), "created_at", at("03-01 09:00"));

    AnalyticsReport r = analytics("01-10", "01-11");

    assertEquals(3, r.tickets());
    assertEquals(new Percentiles(30.0, 54.0), r.firstResponseMinutes()); // 10, 30, 60
    assertEquals(new Percentiles(795.0, 1335.0), r.resolutionMinutes()); // 120, 1470
    assertEquals(
        List.of(
            new Breakdown("email", 2, new Percentiles(20.0, 28.0), new Percentiles(795.0, 1335.0)),
            new Breakdown("whatsapp", 1, new Percentiles(60.0, 60.0), new Percentiles(null, null))),
        r.byChannel());
    assertEquals(
        List.of(new Breakdown(tag, 2, new Percentiles(35.0, 55.0), new Percentiles(120.0, 120.0))),
        r.byTag());
    assertEquals(List.of("normal", "high"), r.byPriority().stream().map(Breakdown::key).toList());
    assertEquals(1, r.byAgent().size());
    assertNull(r.byAgent().get(0).key(), "all unassigned");
    assertEquals(33.3, r.averageFirstResponseMinutes());
    assertEquals(33.3, r.resolvedWithin24hPercent()); // T1 only
    assertEquals(Map.of("email", 2L, "whatsapp", 1L), r.ticketsPerChannel());

    // In the zone's rules of that year (before 1901 Madrid kept local mean time, UTC-0:14:44).
    ZoneId madrid = ZoneId.of("Europe/Madrid");
    List<AnalyticsReport.HeatCell> cells = new java.util.ArrayList<>();
    for (String when : List.of("01-10 10:00", "01-10 11:00", "01-11 09:00")) {
      var local = at(when).atZoneSameInstant(madrid);
      cells.add(new AnalyticsReport.HeatCell(local.getDayOfWeek().getValue(), local.getHour(), 1));
    }
    cells.sort(
        java.util.Comparator.comparingInt(AnalyticsReport.HeatCell::dayOfWeek)
            .thenComparingInt(AnalyticsReport.HeatCell::hour));
    assertEquals(cells, r.heatmap());
    // End of the 10th: T1 resolved, T2 open; end of the 11th: T2 resolved, T3 open. Counted from
    // the 9th, when none of these was open (a kept database may hold older open tickets).
    long before = analytics("01-09", "01-09").backlog().get(0).open();
    assertEquals(
        List.of(
            new AnalyticsReport.DayCount(LocalDate.of(year, 1, 10), before + 1),
            new AnalyticsReport.DayCount(LocalDate.of(year, 1, 11), before + 1)),
        r.backlog());
    assertEquals(
        List.of(
            new AnalyticsReport.DayPercent(LocalDate.of(year, 1, 10), 100.0),
            new AnalyticsReport.DayPercent(LocalDate.of(year, 1, 11), null)),
        r.slaCompliance());
    assertEquals(new AnalyticsReport.Csat(2, 1, 50.0, 4.0), r.csat());
    assertEquals(0, r.returningCustomers());

    AnalyticsReport months = analytics("01-01", "02-28");
    assertEquals(
        List.of(
            new AnalyticsReport.Retention(year + "-01", 3, 1, 33.3),
            new AnalyticsReport.Retention(year + "-02", 1, 1, 100.0)),
        months.retention());
    assertEquals(1, analytics("02-01", "02-28").returningCustomers(), "Ana wrote in January");
  }
}
