package org.ventanilla.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Logger;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.AgentRepository;
import org.ventanilla.agent.PasswordHasher;
import org.ventanilla.agent.Role;

/**
 * First start on an empty database: the {@code admin} account, with the password from {@code
 * VENTANILLA_ADMIN_PASSWORD} or a generated one printed once; demo tickets only when {@code
 * VENTANILLA_DEMO=true}. Later starts change nothing.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
  static final String ADMIN = "admin";

  @Inject AgentRepository agents;
  @Inject PasswordHasher hasher;
  @Inject DemoData demo;
  @Inject Clock clock;

  @PostConstruct
  void init() {
    if (agents.count() == 0) {
      createAdmin();
      if (Settings.get("ventanilla.demo").map(Boolean::parseBoolean).orElse(false)) {
        demo.load();
      }
    }
    LOG.info(
        "Ventanilla is ready: open "
            + baseUrl()
            + " and sign in as "
            + ADMIN
            + " (or as any agent an admin added)");
  }

  private void createAdmin() {
    Instant now = clock.instant();
    String password = Settings.get("ventanilla.admin.password").orElse(null);
    boolean generated = password == null;
    if (generated) {
      byte[] bytes = new byte[15];
      new SecureRandom().nextBytes(bytes);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    Agent admin = agents.add(new Agent(ADMIN, "Administrator", null, Role.ADMIN, now));
    agents.setPassword(admin, hasher.hash(password), now);
    if (generated) {
      // Printed once, on purpose: the only way to get in on a fresh install without configuration.
      LOG.warning(
          "First start: created agent 'admin' with the generated password "
              + password
              + "  (set VENTANILLA_ADMIN_PASSWORD to choose it; change it after signing in)");
    } else {
      LOG.info(
          "First start: created agent 'admin' with the password from VENTANILLA_ADMIN_PASSWORD");
    }
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
