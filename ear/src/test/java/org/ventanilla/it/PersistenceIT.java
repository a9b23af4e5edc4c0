package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ventanilla.common.Page;
import org.ventanilla.ticket.NewInboundTicket;
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
}
