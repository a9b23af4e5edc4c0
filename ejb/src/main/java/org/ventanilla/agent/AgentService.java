package org.ventanilla.agent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ventanilla.common.ConflictException;
import org.ventanilla.common.ContactNormalizer;
import org.ventanilla.common.Enums;
import org.ventanilla.common.ForbiddenException;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;

/** Managing the team: admins add and change agents; every agent can see who is on the team. */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class AgentService {

  private static final Logger LOG = Logger.getLogger(AgentService.class.getName());

  /** The agent.signature column's size. */
  static final int MAX_SIGNATURE = 4000;

  @Inject AgentRepository agents;
  @Inject PasswordHasher hasher;
  @Inject SecurityContext security;
  @Inject Clock clock;
  @Inject CallerAgent caller;
  @Inject Event<AvailabilityChanged> availabilityChanges;

  public List<AgentView> list() {
    return agents.findAll().stream().map(AgentView::of).toList();
  }

  public Optional<AgentView> find(String username) {
    return agents.findByUsername(username).map(AgentView::of);
  }

  @RolesAllowed(Role.ADMIN_ROLE)
  public AgentView create(NewAgent request) {
    String email = request.email() == null ? null : ContactNormalizer.email(request.email());
    String username =
        request.username() == null || request.username().isBlank() ? email : request.username();
    if (username == null) {
      throw new InvalidInputException("username or email is required");
    }
    username = username.trim();
    if (agents.findByUsername(username).isPresent()) {
      throw new ConflictException("agent_exists", "An agent named " + username + " already exists");
    }
    Role role =
        request.role() == null ? Role.AGENT : Enums.parse(Role.class, "role", request.role());
    String hash = hasher.hash(request.password());
    Instant now = clock.instant();
    Agent agent = agents.add(new Agent(username, request.displayName(), email, role, now));
    agents.setPassword(agent, hash, now);
    LOG.info(() -> "Agent " + agent.getUsername() + " added with role " + Enums.json(role));
    return AgentView.of(agent);
  }

  /** Admins change anyone; an agent may change only their own availability (and preferences). */
  public AgentView update(String username, AgentChanges changes) {
    Agent agent =
        agents.findByUsername(username).orElseThrow(() -> new NotFoundException("Agent", username));
    if (!security.isCallerInRole(Role.ADMIN_ROLE)) {
      if (!isCaller(agent) || !onlyOwnSettings(changes)) {
        throw new ForbiddenException("admin_only", "Only an admin can change another agent");
      }
      return updateOwnPreferences(changes.availability(), changes.locale(), changes.timeZone());
    }
    if (changes.displayName() != null) {
      agent.rename(changes.displayName());
    }
    if (changes.email() != null) {
      agent.changeEmail(
          changes.email().isBlank() ? null : ContactNormalizer.email(changes.email()));
    }
    if (changes.role() != null) {
      Role role = Enums.parse(Role.class, "role", changes.role());
      if (role != Role.ADMIN && isCaller(agent)) {
        throw new ConflictException("last_admin", "You cannot remove your own admin role");
      }
      agent.changeRole(role);
    }
    if (changes.availability() != null) {
      changeAvailability(agent, changes.availability());
    }
    if (changes.active() != null) {
      if (changes.active()) {
        agent.activate();
      } else if (isCaller(agent)) {
        throw new ConflictException("self_deactivation", "You cannot deactivate yourself");
      } else {
        agent.deactivate();
      }
    }
    if (changes.locale() != null || changes.timeZone() != null) {
      agent.changePreferences(
          changes.locale() != null ? changes.locale() : agent.getLocale(),
          changes.timeZone() != null ? changes.timeZone() : agent.getTimeZone());
    }
    if (changes.password() != null) {
      agents.setPassword(agent, hasher.hash(changes.password()), clock.instant());
      LOG.info(() -> "Password of agent " + agent.getUsername() + " reset by an admin");
    }
    return AgentView.of(agent);
  }

  /** The signed-in agent's own availability, language and time zone. */
  public AgentView updateOwnPreferences(String availability, String locale, String timeZone) {
    Agent agent = currentAgent();
    if (availability != null) {
      changeAvailability(agent, availability);
    }
    agent.changePreferences(
        locale != null ? locale : agent.getLocale(),
        timeZone != null ? timeZone : agent.getTimeZone());
    return AgentView.of(agent);
  }

  /** The signed-in agent's profile; nobody reads or changes another agent's through these. */
  public ProfileView profile() {
    return ProfileView.of(currentAgent());
  }

  public ProfileView updateProfile(ProfileChanges changes) {
    Agent agent = currentAgent();
    if (changes.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(changes.timeZone())) {
      throw new InvalidInputException("timeZone is not a known time zone");
    }
    if (changes.signature() != null && changes.signature().length() > MAX_SIGNATURE) {
      throw new InvalidInputException("signature is longer than " + MAX_SIGNATURE + " characters");
    }
    agent.changeProfile(changes.displayName(), changes.signature());
    if (changes.availability() != null) {
      changeAvailability(agent, changes.availability());
    }
    agent.changePreferences(
        changes.locale() != null ? changes.locale() : agent.getLocale(),
        changes.timeZone() != null ? changes.timeZone() : agent.getTimeZone());
    if (changes.notifications() != null) {
      agent.changeNotifications(changes.notifications());
    }
    return ProfileView.of(agent);
  }

  private void changeAvailability(Agent agent, String availability) {
    Availability target = Enums.parse(Availability.class, "availability", availability);
    if (target != agent.getAvailability()) {
      agent.changeAvailability(target);
      availabilityChanges.fire(new AvailabilityChanged(agent.getUsername(), target));
    }
  }

  private static boolean onlyOwnSettings(AgentChanges changes) {
    return changes.displayName() == null
        && changes.email() == null
        && changes.role() == null
        && changes.active() == null
        && changes.password() == null;
  }

  public AgentView current() {
    return AgentView.of(currentAgent());
  }

  Agent currentAgent() {
    return caller.require();
  }

  private boolean isCaller(Agent agent) {
    Principal principal = security.getCallerPrincipal();
    return principal != null && principal.getName().equals(agent.getUsername());
  }
}
