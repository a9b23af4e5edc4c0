package org.ventanilla.startup;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.AgentRepository;
import org.ventanilla.agent.PasswordHasher;
import org.ventanilla.agent.Role;
import org.ventanilla.platform.Settings;

/** What {@link Bootstrap} does on an empty database, in a transaction of its own. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FirstStart {

  private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

  @Inject AgentRepository agents;
  @Inject PasswordHasher hasher;
  @Inject DemoData demo;
  @Inject Clock clock;

  /**
   * Creates the {@code admin} agent (and the demo tickets if asked for) when there is no agent.
   *
   * @return the password, when it was generated and must be shown once
   */
  public Optional<String> createAdminIfNoAgents() {
    if (agents.count() > 0) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String password = Settings.get("ventanilla.admin.password").orElse(null);
    boolean generated = password == null;
    if (generated) {
      byte[] bytes = new byte[15];
      new SecureRandom().nextBytes(bytes);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    Agent admin = agents.add(new Agent(Bootstrap.ADMIN, "Administrator", null, Role.ADMIN, now));
    agents.setPassword(admin, hasher.hash(password), now);
    if (!generated) {
      LOG.info(
          "First start: created agent 'admin' with the password from VENTANILLA_ADMIN_PASSWORD");
    }
    if (Settings.get("ventanilla.demo").map(Boolean::parseBoolean).orElse(false)) {
      demo.load();
    }
    return generated ? Optional.of(password) : Optional.empty();
  }
}
