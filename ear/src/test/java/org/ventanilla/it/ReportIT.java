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
 * and then moved to a day in March 2001 that no other test uses, with the times the figures need.
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
    em.createNativeQuery(
            "UPDATE ticket SET status = ?1, created_at = ?2, first_response_at = ?3,"
                + " resolved_at = ?4, first_response_due_at = ?5, first_response_warn_at = ?5,"
                + " resolution_due_at = ?6, resolution_warn_at = ?6 WHERE id = ?7")
        .setParameter(1, status)
        .setParameter(2, time(created))
        .setParameter(3, time(firstResponse))
        .setParameter(4, time(resolved))
        .setParameter(5, time(firstResponseDue))
        .setParameter(6, time(resolutionDue))
        .setParameter(7, id)
        .executeUpdate();
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
    // 5 March 2001: two email tickets under an SLA.
    // T1 answered after 10 min (due 30), resolved after 10 h (due 24 h): kept its SLA.
    set(
        record("email"),
        "RESOLVED",
        "2001-03-05T10:00:00Z",
        "2001-03-05T10:10:00Z",
        "2001-03-05T20:00:00Z",
        "2001-03-05T10:30:00Z",
        "2001-03-06T10:00:00Z");
    // T2 answered after 30 min (due 15): breached; resolved after 48 h.
    set(
        record("email"),
        "RESOLVED",
        "2001-03-05T11:00:00Z",
        "2001-03-05T11:30:00Z",
        "2001-03-07T11:00:00Z",
        "2001-03-05T11:15:00Z",
        "2001-03-08T11:00:00Z");
    // 6 March 2001: two WhatsApp tickets without an SLA, still open.
    // T3 answered after 60 min; T4 not answered.
    set(
        record("whatsapp"),
        "IN_PROGRESS",
        "2001-03-06T09:00:00Z",
        "2001-03-06T10:00:00Z",
        null,
        null,
        null);
    set(record("whatsapp"), "NEW", "2001-03-06T12:00:00Z", null, null, null, null);

    SummaryReport all = summary("2001-03-05", "2001-03-06", null);
    assertEquals(4, all.ticketsCreated());
    assertEquals(Map.of("email", 2L, "whatsapp", 2L), all.ticketsByChannel());
    assertEquals(2, all.openTickets());
    assertEquals(33.3, all.firstResponseMinutes().avg()); // (10 + 30 + 60) / 3
    assertEquals(30.0, all.firstResponseMinutes().median()); // middle of 10, 30, 60
    assertEquals(25.0, all.resolvedWithin24hPercent()); // T1 of 4
    assertEquals(50.0, all.slaCompliancePercent()); // T1 of T1, T2

    SummaryReport email = summary("2001-03-05", "2001-03-06", "email");
    assertEquals(2, email.ticketsCreated());
    assertEquals(Map.of("email", 2L), email.ticketsByChannel());
    assertEquals(0, email.openTickets());
    assertEquals(20.0, email.firstResponseMinutes().avg());
    assertEquals(20.0, email.firstResponseMinutes().median()); // even count: mean of 10 and 30
    assertEquals(50.0, email.resolvedWithin24hPercent());
    assertEquals(50.0, email.slaCompliancePercent());

    SummaryReport whatsapp = summary("2001-03-06", "2001-03-06", "whatsapp");
    assertEquals(2, whatsapp.ticketsCreated());
    assertEquals(60.0, whatsapp.firstResponseMinutes().median());
    assertEquals(0.0, whatsapp.resolvedWithin24hPercent());
    assertNull(whatsapp.slaCompliancePercent(), "no ticket under an SLA");

    SummaryReport empty = summary("2001-02-01", "2001-02-28", null);
    assertEquals(0, empty.ticketsCreated());
    assertNull(empty.firstResponseMinutes().avg());
    assertNull(empty.firstResponseMinutes().median());
    assertNull(empty.resolvedWithin24hPercent());
  }
}
