package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnitUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ventanilla.common.Page;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.NewInboundTicket;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketDetails;
import org.ventanilla.ticket.TicketFilter;
import org.ventanilla.ticket.TicketService;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/** Inside the server: the persistence unit, the migrations and the secured services. */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWith(PersistenceIT.class, Api.class);
  }

  @PersistenceContext(unitName = "ventanilla")
  EntityManager em;

  @Inject TicketService tickets;

  /** A line of server.log at WARN or worse from EclipseLink or from Ventanilla itself. */
  private static final Pattern OUR_WARNING =
      Pattern.compile(
          "^\\S+ \\S+ (WARN|WARNING|ERROR|SEVERE)\\s+\\[(org\\.eclipse\\.persistence|org\\.ventanilla)");

  @Test
  @DisplayName("the persistence unit really runs on EclipseLink, not on WildFly's Hibernate")
  void persistenceProviderIsEclipseLink() {
    String factory = em.getEntityManagerFactory().getClass().getName();
    assertTrue(factory.startsWith("org.eclipse.persistence"), factory);
    assertTrue(em.getDelegate().getClass().getName().startsWith("org.eclipse.persistence"));
  }

  @Test
  @DisplayName("the schema was created by the versioned Flyway migrations")
  void schemaComesFromMigrations() {
    Number applied =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" = '1'")
                .getSingleResult();
    assertEquals(1, applied.intValue());
  }

  @Test
  @DisplayName("services refuse callers without a role")
  void servicesNeedARole() {
    assertThrows(
        EJBAccessException.class, () -> tickets.list(TicketFilter.all(), Page.request(0, 1)));
  }

  @Test
  @DisplayName("as an agent from the realm, a service records a ticket in one transaction")
  void serviceAsAuthenticatedAdmin() throws Exception {
    SecurityIdentity admin =
        SecurityDomain.getCurrent()
            .authenticate(Api.ADMIN, new PasswordGuessEvidence(Api.adminPassword().toCharArray()));

    TicketDetails created =
        admin.runAs(
            (Callable<TicketDetails>)
                () ->
                    tickets.recordInbound(
                        new NewInboundTicket(
                            "email",
                            "Desde dentro",
                            "Texto",
                            null,
                            new NewInboundTicket.Sender("Inés", "ines@example.com", null),
                            null)));

    assertEquals("new", created.status());
    assertEquals(1, created.messages().size());
    assertEquals("admin", created.events().get(0).actor());
  }

  @Test
  @DisplayName("deploying Ventanilla logs no warning from EclipseLink or from Ventanilla")
  void deploymentLogsNoWarning() throws IOException {
    Path log = Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
    List<String> lines =
        new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("WFLYSRV0027") && lines.get(i).contains("\"ventanilla.ear\"")) {
        start = i;
      }
    }
    assertTrue(start >= 0, "server.log does not show this deployment starting");
    int end = start;
    while (end < lines.size()
        && !(lines.get(end).contains("WFLYSRV0010")
            && lines.get(end).contains("\"ventanilla.ear\""))) {
      end++;
    }
    List<String> warnings =
        lines.subList(start, end).stream().filter(l -> OUR_WARNING.matcher(l).find()).toList();
    assertEquals(List.of(), warnings);
  }

  @Test
  @DisplayName("lazy relations stay unloaded until read, and load when read after the transaction")
  void lazyRelationsAreLazy() throws Exception {
    SecurityIdentity admin =
        SecurityDomain.getCurrent()
            .authenticate(Api.ADMIN, new PasswordGuessEvidence(Api.adminPassword().toCharArray()));
    TicketDetails created =
        admin.runAs(
            (Callable<TicketDetails>)
                () ->
                    tickets.recordInbound(
                        new NewInboundTicket(
                            "email",
                            "Perezoso",
                            "Texto",
                            null,
                            new NewInboundTicket.Sender("Lola", "lola-lazy@example.com", null),
                            null)));
    PersistenceUnitUtil loaded = em.getEntityManagerFactory().getPersistenceUnitUtil();

    // Outside a transaction: each call below gets a fresh persistence context, already closed.
    Ticket ticket = em.find(Ticket.class, created.id());
    Message message = em.find(Message.class, created.messages().get(0).id());

    assertFalse(loaded.isLoaded(ticket, "customer"), "the ticket's customer was read eagerly");
    assertFalse(loaded.isLoaded(message, "ticket"), "the message's ticket was read eagerly");
    assertEquals("Lola", ticket.getCustomer().getName());
    assertEquals(created.number(), message.getTicket().getNumber());
    assertTrue(loaded.isLoaded(ticket, "customer"));
  }
}
