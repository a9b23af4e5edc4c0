package org.ventanilla.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Clock;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The agent behind the current request. Identities from a filesystem or LDAP realm have no agent
 * record until their first request: it is created here, with the role the realm granted. Call it
 * inside a transaction.
 */
@ApplicationScoped
public class CallerAgent {

  private static final Logger LOG = Logger.getLogger(CallerAgent.class.getName());

  @Inject SecurityContext security;
  @Inject AgentRepository agents;
  @Inject Clock clock;

  public Agent require() {
    Principal principal = security.getCallerPrincipal();
    if (principal == null) {
      throw new IllegalStateException("No signed-in caller");
    }
    String username = principal.getName();
    return agents
        .findByUsername(username)
        .orElseGet(
            () -> {
              Role role = security.isCallerInRole(Role.ADMIN_ROLE) ? Role.ADMIN : Role.AGENT;
              String email = username.contains("@") ? username.toLowerCase(Locale.ROOT) : null;
              LOG.info(() -> "First sign-in of " + username + ": agent record created");
              return agents.add(new Agent(username, username, email, role, clock.instant()));
            });
  }
}
