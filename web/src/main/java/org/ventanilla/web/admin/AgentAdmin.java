package org.ventanilla.web.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.agent.AgentChanges;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.AgentView;
import org.ventanilla.agent.Availability;
import org.ventanilla.agent.NewAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.faces.Menus;
import org.ventanilla.web.security.FailedSignIns;

/**
 * The admin manages the team: adds agents, changes their role and availability, deactivates them
 * and sets a new password. The service keeps the rules (no self-demotion, password strength); this
 * bean only shows its answer.
 */
@Named
@ViewScoped
public class AgentAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AgentService service;

  private List<AgentView> agents;
  private final Map<String, String> roles = new HashMap<>();
  private final Map<String, String> availabilities = new HashMap<>();
  private final Map<String, FailedSignIns.Recent> failedSignIns = new HashMap<>();

  private String displayName;
  private String email;
  private String username;
  private String role = "agent";
  private String password;

  private String resetUsername;
  private String newPassword;

  /** f:viewAction, and after every change: the table shows what the service has stored. */
  public void load() {
    agents = service.list();
    roles.clear();
    availabilities.clear();
    failedSignIns.clear();
    FailedSignIns recorded = recordedFailures();
    for (AgentView agent : agents) {
      roles.put(agent.username(), agent.role());
      availabilities.put(agent.username(), agent.availability());
      if (recorded != null) {
        recorded.of(agent.username()).ifPresent(r -> failedSignIns.put(agent.username(), r));
      }
    }
  }

  /** This node's failed sign-ins, which the sign-in throttle keeps (none before the first). */
  private static FailedSignIns recordedFailures() {
    Object context = FacesContext.getCurrentInstance().getExternalContext().getContext();
    return context instanceof ServletContext servlet
        ? (FailedSignIns) servlet.getAttribute(FailedSignIns.ATTRIBUTE)
        : null;
  }

  /** Failed sign-ins of the last day per username (absent when none). */
  public Map<String, FailedSignIns.Recent> getFailedSignIns() {
    return failedSignIns;
  }

  public void add() {
    String name = email != null && !email.isBlank() ? email : username;
    if (Feedback.run(
        () -> service.create(new NewAgent(username, displayName, email, role, password)))) {
      Feedback.info("agents.added", name);
      displayName = null;
      email = null;
      username = null;
      role = "agent";
    }
    password = null;
    load();
  }

  public void changeRole(String agent) {
    if (change(
        agent, new AgentChanges(null, null, roles.get(agent), null, null, null, null, null))) {
      Feedback.info("admin.saved");
    }
  }

  public void changeAvailability(String agent) {
    String value = availabilities.get(agent);
    if (change(agent, new AgentChanges(null, null, null, value, null, null, null, null))) {
      Feedback.info("admin.saved");
    }
  }

  public void setActive(String agent, boolean active) {
    if (change(agent, new AgentChanges(null, null, null, null, active, null, null, null))) {
      Feedback.info(active ? "agents.reactivated" : "agents.deactivated", agent);
    }
  }

  public void startReset(String agent) {
    resetUsername = agent;
    newPassword = null;
  }

  public void cancelReset() {
    resetUsername = null;
    newPassword = null;
  }

  public void resetPassword() {
    String agent = resetUsername;
    if (change(agent, new AgentChanges(null, null, null, null, null, newPassword, null, null))) {
      Feedback.info("agents.passwordReset", agent);
      resetUsername = null;
    }
    newPassword = null;
  }

  private boolean change(String agent, AgentChanges changes) {
    boolean done = Feedback.run(() -> service.update(agent, changes));
    load();
    return done;
  }

  public List<AgentView> getAgents() {
    return agents;
  }

  public List<String> getRoleValues() {
    return Menus.of(Role.class);
  }

  public List<String> getAvailabilityValues() {
    return Menus.of(Availability.class);
  }

  public Map<String, String> getRoles() {
    return roles;
  }

  public Map<String, String> getAvailabilities() {
    return availabilities;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getResetUsername() {
    return resetUsername;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }
}
