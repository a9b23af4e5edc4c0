package org.ventanilla.web.inbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.AgentView;
import org.ventanilla.ticket.Priority;
import org.ventanilla.ticket.TicketChanges;
import org.ventanilla.ticket.TicketDetails;
import org.ventanilla.ticket.TicketService;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.faces.Menus;

/** The ticket's status, priority and assignee, and saving them. */
@Named
@ViewScoped
public class TicketProperties implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TicketInView view;
  @Inject transient TicketService tickets;
  @Inject transient AgentService agents;

  private List<AgentView> team = List.of();
  private String status;
  private String priority;
  private String assignee;

  @PostConstruct
  void init() {
    team = agents.list().stream().filter(AgentView::active).toList();
    take(view.getTicket());
  }

  void reloaded(@Observes(notifyObserver = Reception.IF_EXISTS) TicketInView.Loaded loaded) {
    take(loaded.ticket());
  }

  private void take(TicketDetails ticket) {
    status = ticket == null ? null : ticket.status();
    priority = ticket == null ? null : ticket.priority();
    assignee = ticket == null ? null : ticket.assignee();
  }

  public void save() {
    TicketDetails ticket = view.getTicket();
    if (ticket == null) {
      return;
    }
    if (Feedback.run(
        () ->
            tickets.update(
                ticket.id(),
                new TicketChanges(status, priority, true, blankToNull(assignee)),
                ticket.version()))) {
      Feedback.info("ticket.saved");
    }
    view.load();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The active agents, read when the page opened. */
  public List<AgentView> getTeam() {
    return team;
  }

  /** Where the ticket stands and where it may move: never {@code new} once it left it. */
  public List<String> getStatuses() {
    TicketDetails ticket = view.getTicket();
    return Menus.statusesFrom(ticket == null ? null : ticket.status());
  }

  public List<String> getPriorities() {
    return Menus.of(Priority.class);
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }
}
