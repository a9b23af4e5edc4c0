package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ventanilla.report.AgentWorkload;
import org.ventanilla.report.DailyTickets;
import org.ventanilla.report.OpenTickets;
import org.ventanilla.report.ReportService;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * The reports page's breakdowns (per day and channel, open tickets by assignee and status, per
 * agent) and their CSV downloads, against figures worked out by hand. Two agents of the test's own
 * get tickets through the API (assigned, answered, resolved), whose times are then moved to two
 * days in the past that no other test uses: 1900 to 1940 (ReportIT takes 1950 to 1990), chosen at
 * random so that a rerun on a kept PostgreSQL database never counts an earlier run's tickets.
 */
@ExtendWith(ArquillianExtension.class)
class ReportBreakdownIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWith(ReportBreakdownIT.class, Api.class);
  }

  @PersistenceContext(unitName = "ventanilla")
  EntityManager em;

  @Inject UserTransaction tx;
  @Inject ReportService reports;

  private final Api admin = Api.asAdmin();
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final LocalDate d1 =
      LocalDate.of(1900, 1, 1).plusDays(7L * ThreadLocalRandom.current().nextInt(2_000));
  private final LocalDate d2 = d1.plusDays(1);
  private SecurityIdentity adminIdentity;
  private String ana;
  private String bruno;

  @BeforeEach
  void arrange() throws Exception {
    adminIdentity =
        SecurityDomain.getCurrent()
            .authenticate(Api.ADMIN, new PasswordGuessEvidence(Api.adminPassword().toCharArray()));
    ana = agent("Ana");
    bruno = agent("Bruno");

    // Ana, in the range: T1 answered after 10 min and resolved, T2 after 30 min and still in
    // progress, T3 (WhatsApp) after 50 min and resolved; before the range T8, new and open.
    ticket("email", ana, at(d1, "09:00"), at(d1, "09:10"), at(d1, "12:00"));
    ticket("email", ana, at(d1, "10:00"), at(d1, "10:30"), null);
    ticket("whatsapp", ana, at(d2, "08:00"), at(d2, "08:50"), at(d2, "20:00"));
    ticket("email", ana, at(d1.minusDays(3), "09:00"), null, null);
    // Bruno, in the range: T4 (WhatsApp) answered after 20 min, in progress; T5 after 60 min and
    // resolved; T6 new. Before the range: T9 (WhatsApp) answered, resolved on d2; T10 (WhatsApp)
    // taken into work without an answer.
    ticket("whatsapp", bruno, at(d2, "09:00"), at(d2, "09:20"), null);
    ticket("email", bruno, at(d2, "11:00"), at(d2, "12:00"), at(d2, "13:00"));
    ticket("email", bruno, at(d2, "15:00"), null, null);
    ticket(
        "whatsapp",
        bruno,
        at(d1.minusDays(5), "09:00"),
        at(d1.minusDays(5), "09:05"),
        at(d2, "10:00"));
    long t10 = ticket("whatsapp", bruno, at(d1.minusDays(2), "09:00"), null, null);
    patch(t10, "{\"status\":\"in_progress\"}");
    // Nobody's: T7 (WhatsApp) on d1, new.
    ticket("whatsapp", null, at(d1, "16:00"), null, null);
  }

  @Test
  @DisplayName("tickets per day and channel count every day of the range, zeros included")
  void ticketsPerDayAndChannel() throws Exception {
    List<DailyTickets> all = as(() -> reports.ticketsPerDay(d1.toString(), d2.toString(), null));
    assertEquals(
        List.of(
            new DailyTickets(d1, Map.of("email", 2L, "whatsapp", 1L), 3),
            new DailyTickets(d2, Map.of("email", 2L, "whatsapp", 2L), 4)),
        all);

    List<DailyTickets> whatsapp =
        as(() -> reports.ticketsPerDay(d1.minusDays(1).toString(), d2.toString(), "whatsapp"));
    assertEquals(
        List.of(
            new DailyTickets(d1.minusDays(1), Map.of("whatsapp", 0L), 0),
            new DailyTickets(d1, Map.of("whatsapp", 1L), 1),
            new DailyTickets(d2, Map.of("whatsapp", 2L), 2)),
        whatsapp);

    long created = as(() -> reports.summary(d1.toString(), d2.toString(), null)).ticketsCreated();
    assertEquals(all.stream().mapToLong(DailyTickets::total).sum(), created, "same as the summary");
  }

  @Test
  @DisplayName("open tickets now are counted per assignee and status, whenever they were created")
  void openTicketsByAssigneeAndStatus() throws Exception {
    // Ana: T2 in progress, T8 new. Bruno: T6 new, T4 and T10 in progress.
    Map<String, OpenTickets> all = openOfOurAgents(null);
    assertEquals(new OpenTickets(ana, "Ana " + suffix, 1, 1, 2), all.get(ana));
    assertEquals(new OpenTickets(bruno, "Bruno " + suffix, 1, 2, 3), all.get(bruno));

    Map<String, OpenTickets> email = openOfOurAgents("email");
    assertEquals(new OpenTickets(ana, "Ana " + suffix, 1, 1, 2), email.get(ana));
    assertEquals(new OpenTickets(bruno, "Bruno " + suffix, 1, 0, 1), email.get(bruno));

    Map<String, OpenTickets> whatsapp = openOfOurAgents("whatsapp");
    assertNull(whatsapp.get(ana), "Ana has no open WhatsApp ticket: no row");
    assertEquals(new OpenTickets(bruno, "Bruno " + suffix, 0, 2, 2), whatsapp.get(bruno));

    OpenTickets unassigned =
        as(() -> reports.openByAssignee(null)).stream()
            .filter(OpenTickets::unassigned)
            .findFirst()
            .orElseThrow();
    assertTrue(unassigned.newTickets() >= 1, "T7 is open and nobody's");
  }

  @Test
  @DisplayName(
      "per agent: open assigned now, resolved in the range, first response average and median")
  void agentWorkload() throws Exception {
    // Ana answered T1, T2, T3 after 10, 30, 50 min; resolved T1 and T3 in the range.
    // Bruno answered T4, T5 after 20, 60 min (median of two: their mean); resolved T5 and T9.
    Map<String, AgentWorkload> all = workloadOfOurAgents(null);
    assertEquals(new AgentWorkload(ana, "Ana " + suffix, true, 2, 2, 3, 30.0, 30.0), all.get(ana));
    assertEquals(
        new AgentWorkload(bruno, "Bruno " + suffix, true, 3, 2, 2, 40.0, 40.0), all.get(bruno));

    Map<String, AgentWorkload> email = workloadOfOurAgents("email");
    assertEquals(
        new AgentWorkload(ana, "Ana " + suffix, true, 2, 1, 2, 20.0, 20.0), email.get(ana));
    assertEquals(
        new AgentWorkload(bruno, "Bruno " + suffix, true, 1, 1, 1, 60.0, 60.0), email.get(bruno));

    Map<String, AgentWorkload> whatsapp = workloadOfOurAgents("whatsapp");
    assertEquals(
        new AgentWorkload(ana, "Ana " + suffix, true, 0, 1, 1, 50.0, 50.0), whatsapp.get(ana));
    assertEquals(
        new AgentWorkload(bruno, "Bruno " + suffix, true, 2, 1, 1, 20.0, 20.0),
        whatsapp.get(bruno));

    Map<String, AgentWorkload> before =
        byUsername(
            as(
                () ->
                    reports.agentWorkload(
                        d1.minusDays(9).toString(), d1.minusDays(8).toString(), null)),
            AgentWorkload::username);
    assertEquals(
        new AgentWorkload(ana, "Ana " + suffix, true, 2, 0, 0, null, null),
        before.get(ana),
        "an active agent is listed with nothing to count");
  }

  @Test
  @DisplayName(
      "the agents' CSV download (Spanish: semicolons, decimal commas, BOM) holds the table's rows")
  void agentsCsvMatchesTheTable() throws Exception {
    List<AgentWorkload> table = as(() -> reports.agentWorkload(d1.toString(), d2.toString(), null));

    Api.Response download =
        admin.download("reports/agents.csv?from=" + d1 + "&to=" + d2 + "&lang=es");

    assertEquals(200, download.status(), download::toString);
    assertTrue(download.header("Content-Type").startsWith("text/csv"));
    assertEquals(
        "attachment; filename=\"ventanilla-agents-" + d1 + "_" + d2 + ".csv\"",
        download.header("Content-Disposition"));
    assertTrue(download.body().startsWith("\uFEFF"), "a UTF-8 byte order mark for Excel");
    List<CSVRecord> rows = parse(download.body(), ';');
    assertEquals(table.size(), rows.size(), "one line per row of the table");
    for (int i = 0; i < table.size(); i++) {
      AgentWorkload expected = table.get(i);
      CSVRecord row = rows.get(i);
      assertEquals(expected.displayName(), row.get("Agente"));
      assertEquals(expected.username(), row.get("Usuario"));
      assertEquals(String.valueOf(expected.openAssigned()), row.get("Abiertos asignados"));
      assertEquals(String.valueOf(expected.resolved()), row.get("Resueltos en el periodo"));
      assertEquals(String.valueOf(expected.answered()), row.get("Respondidos"));
    }
    CSVRecord brunoRow =
        rows.stream().filter(r -> r.get("Usuario").equals(bruno)).findFirst().orElseThrow();
    assertEquals("40,0", brunoRow.get("Primera respuesta media (min)"));
    assertEquals("40,0", brunoRow.get("Primera respuesta mediana (min)"));
  }

  @Test
  @DisplayName("the daily CSV in English for WhatsApp: commas, one column per channel shown")
  void dailyCsvInEnglish() {
    Api.Response download =
        admin.download("reports/daily.csv?from=" + d1 + "&to=" + d2 + "&channel=whatsapp&lang=en");

    assertEquals(200, download.status(), download::toString);
    assertEquals(
        "attachment; filename=\"ventanilla-daily-" + d1 + "_" + d2 + "-whatsapp.csv\"",
        download.header("Content-Disposition"));
    List<CSVRecord> rows = parse(download.body(), ',');
    assertEquals(List.of("Day", "WhatsApp", "Total"), rows.get(0).getParser().getHeaderNames());
    assertEquals(List.of(d1.toString(), "1", "1"), rows.get(0).toList());
    assertEquals(List.of(d2.toString(), "2", "2"), rows.get(1).toList());

    Api.Response backwards = admin.download("reports/daily.csv?from=" + d2 + "&to=" + d1);
    assertEquals(400, backwards.status(), "a range that ends before it starts");
  }

  private Map<String, OpenTickets> openOfOurAgents(String channel) throws Exception {
    return byUsername(as(() -> reports.openByAssignee(channel)), OpenTickets::username);
  }

  private Map<String, AgentWorkload> workloadOfOurAgents(String channel) throws Exception {
    return byUsername(
        as(() -> reports.agentWorkload(d1.toString(), d2.toString(), channel)),
        AgentWorkload::username);
  }

  private <T> Map<String, T> byUsername(
      List<T> rows, java.util.function.Function<T, String> username) {
    return rows.stream()
        .filter(row -> ana.equals(username.apply(row)) || bruno.equals(username.apply(row)))
        .collect(Collectors.toMap(username, row -> row));
  }

  private static List<CSVRecord> parse(String body, char delimiter) {
    String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
    CSVFormat format =
        CSVFormat.EXCEL
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();
    try (var parser = format.parse(new StringReader(text))) {
      return parser.getRecords();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private <T> T as(Callable<T> call) throws Exception {
    return adminIdentity.runAs(call);
  }

  private String agent(String name) {
    String email = name.toLowerCase() + "-" + suffix + "@example.com";
    Api.Response created =
        admin.post(
            "agents",
            """
            {"displayName":"%s %s","email":"%s","role":"agent","password":"Report-Agent-2026!"}"""
                .formatted(name, suffix, email));
    assertEquals(201, created.status(), created::toString);
    return created.object().getString("username");
  }

  /**
   * A ticket through the API: assigned, answered when {@code firstResponse} is set, resolved when
   * {@code resolved} is; then its times moved to the given ones.
   */
  private long ticket(
      String channel,
      String assignee,
      OffsetDateTime created,
      OffsetDateTime firstResponse,
      OffsetDateTime resolved)
      throws Exception {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String contact =
        channel.equals("email")
            ? "\"email\":\"breakdown-" + unique + "@example.org\""
            : "\"phone\":\"+3468"
                + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000))
                + "\"";
    Api.Response posted =
        admin.post(
            "tickets",
            """
            {"channel":"%s","subject":"Informe %s","text":"Hola","customer":{"name":"Informe",%s}}"""
                .formatted(channel, unique, contact));
    assertEquals(201, posted.status(), posted::toString);
    long id = posted.object().getJsonNumber("id").longValue();
    if (assignee != null) {
      patch(id, "{\"assignee\":\"" + assignee + "\"}");
    }
    if (firstResponse != null) {
      Api.Response reply = admin.post("tickets/" + id + "/replies", "{\"text\":\"Hola\"}");
      assertEquals(201, reply.status(), reply::toString);
    }
    if (resolved != null) {
      patch(id, "{\"status\":\"resolved\"}");
    }
    moveTimes(id, created, firstResponse, resolved);
    return id;
  }

  private void patch(long id, String json) {
    Api.Response patched = admin.patch("tickets/" + id, json, Map.of());
    assertEquals(200, patched.status(), patched::toString);
  }

  /** The API set the times to now; null keeps a time unset, as the API left it. */
  private void moveTimes(
      long id, OffsetDateTime created, OffsetDateTime firstResponse, OffsetDateTime resolved)
      throws Exception {
    tx.begin();
    em.createNativeQuery("UPDATE ticket SET created_at = ?1 WHERE id = ?2")
        .setParameter(1, created)
        .setParameter(2, id)
        .executeUpdate();
    Optional.ofNullable(firstResponse)
        .ifPresent(
            at ->
                em.createNativeQuery("UPDATE ticket SET first_response_at = ?1 WHERE id = ?2")
                    .setParameter(1, at)
                    .setParameter(2, id)
                    .executeUpdate());
    Optional.ofNullable(resolved)
        .ifPresent(
            at ->
                em.createNativeQuery("UPDATE ticket SET resolved_at = ?1 WHERE id = ?2")
                    .setParameter(1, at)
                    .setParameter(2, id)
                    .executeUpdate());
    tx.commit();
  }

  private static OffsetDateTime at(LocalDate day, String time) {
    return OffsetDateTime.of(day, java.time.LocalTime.parse(time), ZoneOffset.UTC);
  }
}
