package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.OffsetDateTime;
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
import org.ventanilla.report.ReportService;
import org.ventanilla.report.SummaryReport;
import org.ventanilla.ticket.NewInboundTicket;
import org.ventanilla.ticket.TicketService;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * The summary report against figures worked out by hand. Tickets are recorded through the service
 * and then moved, with the times the figures need, to two days in the past that no other test uses:
 * chosen at random, so a rerun on a kept PostgreSQL database never counts an earlier run's tickets.
 */
@ExtendWith(ArquillianExtension.class)
class ReportIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWith(ReportIT.class, Api.class);
  }

  @PersistenceContext(unitName = "ventanilla")
  EntityManager em;

  @Inject UserTransaction tx;
  @Inject TicketService tickets;
  @Inject ReportService reports;

  private SecurityIdentity admin;
  private final java.time.LocalDate day1 =
      java.time.LocalDate.of(1950, 1, 1)
          .plusDays(5 * java.util.concurrent.ThreadLocalRandom.current().nextInt(3_000));
  private final java.time.LocalDate day2 = day1.plusDays(1);

  /** "d1 10:00" or "d2+1 11:00": a time on the first or second test day, plus days. */
  private String at(String when) {
    String[] dayAndTime = when.split(" ");
    String[] dayAndPlus = dayAndTime[0].split("\\+");
    java.time.LocalDate day = dayAndPlus[0].equals("d1") ? day1 : day2;
    if (dayAndPlus.length > 1) {
      day = day.plusDays(Integer.parseInt(dayAndPlus[1]));
    }
    return day + "T" + dayAndTime[1] + ":00Z";
  }

  @BeforeEach
  void signIn() throws Exception {
    admin =
        SecurityDomain.getCurrent()
            .authenticate(Api.ADMIN, new PasswordGuessEvidence(Api.adminPassword().toCharArray()));
  }

  private long record(String channel) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    NewInboundTicket.Sender sender =
        channel.equals("email")
            ? new NewInboundTicket.Sender("Informe", "report-" + suffix + "@example.org", null)
            : new NewInboundTicket.Sender(
                "Informe",
                null,
                "+3469" + String.format("%07d", Math.abs(suffix.hashCode()) % 10_000_000));
    return admin.runAs(
        (Callable<Long>)
            () ->
                tickets
                    .recordInbound(
                        new NewInboundTicket(channel, "Informe", "Hola", null, sender, null))
                    .id());
  }

  /** Rewrites a ticket's history: null leaves a time unset. */
  private void set(
      long id,
      String status,
      String created,
      String firstResponse,
      String resolved,
      String firstResponseDue,
      String resolutionDue)
      throws Exception {
    tx.begin();
    // A null is written as the NULL literal: PostgreSQL refuses an untyped null parameter.
    String[] columns = {
      "created_at",
      "first_response_at",
      "resolved_at",
      "first_response_due_at",
      "first_response_warn_at",
      "resolution_due_at",
      "resolution_warn_at"
    };
    String[] values = {
      created,
      firstResponse,
      resolved,
      firstResponseDue,
      firstResponseDue,
      resolutionDue,
      resolutionDue
    };
    StringBuilder sql = new StringBuilder("UPDATE ticket SET status = ?1");
    for (int i = 0; i < columns.length; i++) {
      sql.append(", ").append(columns[i]).append(values[i] == null ? " = NULL" : " = ?" + (i + 2));
    }
    jakarta.persistence.Query update =
        em.createNativeQuery(sql.append(" WHERE id = ?9").toString())
            .setParameter(1, status)
            .setParameter(9, id);
    for (int i = 0; i < columns.length; i++) {
      if (values[i] != null) {
        update.setParameter(i + 2, time(values[i]));
      }
    }
    update.executeUpdate();
    tx.commit();
  }

  private static OffsetDateTime time(String iso) {
    return iso == null ? null : OffsetDateTime.parse(iso);
  }

  private SummaryReport summary(String from, String to, String channel) throws Exception {
    return admin.runAs((Callable<SummaryReport>) () -> reports.summary(from, to, channel));
  }

  @Test
  @DisplayName(
      "the summary counts, averages, takes the median and the shares as worked out by hand")
  void summaryMatchesHandFigures() throws Exception {
    // Day 1: two email tickets under an SLA.
    // T1 answered after 10 min (due 30), resolved after 10 h (due 24 h): kept its SLA.
    set(
        record("email"),
        "RESOLVED",
        at("d1 10:00"),
        at("d1 10:10"),
        at("d1 20:00"),
        at("d1 10:30"),
        at("d2 10:00"));
    // T2 answered after 30 min (due 15): breached; resolved after 48 h.
    set(
        record("email"),
        "RESOLVED",
        at("d1 11:00"),
        at("d1 11:30"),
        at("d1+2 11:00"),
        at("d1 11:15"),
        at("d1+3 11:00"));
    // Day 2: two WhatsApp tickets without an SLA, still open.
    // T3 answered after 60 min; T4 not answered.
    set(record("whatsapp"), "IN_PROGRESS", at("d2 09:00"), at("d2 10:00"), null, null, null);
    set(record("whatsapp"), "NEW", at("d2 12:00"), null, null, null, null);

    SummaryReport all = summary(day1.toString(), day2.toString(), null);
    assertEquals(4, all.ticketsCreated());
    assertEquals(Map.of("email", 2L, "whatsapp", 2L), all.ticketsByChannel());
    assertEquals(2, all.openTickets());
    assertEquals(33.3, all.firstResponseMinutes().avg()); // (10 + 30 + 60) / 3
    assertEquals(30.0, all.firstResponseMinutes().median()); // middle of 10, 30, 60
    assertEquals(25.0, all.resolvedWithin24hPercent()); // T1 of 4
    assertEquals(50.0, all.slaCompliancePercent()); // T1 of T1, T2

    SummaryReport email = summary(day1.toString(), day2.toString(), "email");
    assertEquals(2, email.ticketsCreated());
    assertEquals(Map.of("email", 2L), email.ticketsByChannel());
    assertEquals(0, email.openTickets());
    assertEquals(20.0, email.firstResponseMinutes().avg());
    assertEquals(20.0, email.firstResponseMinutes().median()); // even count: mean of 10 and 30
    assertEquals(50.0, email.resolvedWithin24hPercent());
    assertEquals(50.0, email.slaCompliancePercent());

    SummaryReport whatsapp = summary(day2.toString(), day2.toString(), "whatsapp");
    assertEquals(2, whatsapp.ticketsCreated());
    assertEquals(60.0, whatsapp.firstResponseMinutes().median());
    assertEquals(0.0, whatsapp.resolvedWithin24hPercent());
    assertNull(whatsapp.slaCompliancePercent(), "no ticket under an SLA");

    SummaryReport empty = summary(day1.minusDays(3).toString(), day1.minusDays(2).toString(), null);
    assertEquals(0, empty.ticketsCreated());
    assertNull(empty.firstResponseMinutes().avg());
    assertNull(empty.firstResponseMinutes().median());
    assertNull(empty.resolvedWithin24hPercent());
  }
}
