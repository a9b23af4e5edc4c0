package org.ventanilla.startup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.ventanilla.agent.AgentRepository;

/**
 * First start on an empty database: the {@code admin} account, with the password from {@code
 * VENTANILLA_ADMIN_PASSWORD} or a generated one printed once; demo tickets only when {@code
 * VENTANILLA_DEMO=true}. Later starts change nothing. Two servers starting at once on an empty
 * database both try: the unique username lets one win, and the other starts all the same.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
  static final String ADMIN = "admin";

  @Inject FirstStart firstStart;
  @Inject AgentRepository agents;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void init() {
    try {
      firstStart
          .createAdminIfNoAgents()
          .ifPresent(
              // Printed once, on purpose, and only once committed: the only way in on a fresh
              // install without configuration.
              password ->
                  LOG.warning(
                      "First start: created agent 'admin' with the generated password "
                          + password
                          + "  (set VENTANILLA_ADMIN_PASSWORD to choose it; change it after signing"
                          + " in)"));
    } catch (EJBException e) {
      // Two servers started at once on an empty database (the fault drills do): this one's insert
      // failed on the username the other had just taken. Its admin is the admin.
      if (agents.count() == 0) {
        throw e;
      }
      LOG.info("First start: another server created agent 'admin' at the same time");
    }
    LOG.info(
        "Ventanilla is ready: open "
            + baseUrl()
            + " and sign in as "
            + ADMIN
            + " (or as any agent an admin added)");
  }

  private static String baseUrl() {
    String host = System.getProperty("jboss.bind.address", "localhost");
    if (host.equals("127.0.0.1") || host.equals("0.0.0.0")) {
      host = "localhost";
    }
    int port =
        Integer.getInteger("jboss.http.port", 8080)
            + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    return "http://" + host + ":" + port + "/";
  }
}
