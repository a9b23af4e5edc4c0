package org.ventanilla.web.inbox;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.ResourceBundle;
import org.primefaces.PrimeFaces;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.AgentView;
import org.ventanilla.common.DomainException;
import org.ventanilla.ticket.TicketChanges;
import org.ventanilla.ticket.TicketDetails;
import org.ventanilla.ticket.TicketService;

/** One ticket: its conversation and activity, and the agent's actions on it. */
@Named
@ViewScoped
public class TicketWorkspace implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient TicketService tickets;
  @Inject transient AgentService agents;
  @Inject transient PresenceRegistry presence;

  private Long id;
  private TicketDetails ticket;
  private List<AgentView> team;
  private String replyText;
  private String noteText;
  private String status;
  private String priority;
  private String assignee;
  private AgentView me;
  private String stamp;

  /** f:viewAction: loads the ticket named by the id view parameter. */
  public void load() {
    if (id != null) {
      stamp = tickets.ticketStamp(id);
    }
    ticket = id == null ? null : tickets.get(id).orElse(null);
    if (ticket != null) {
      status = ticket.status();
      priority = ticket.priority();
      assignee = ticket.assignee();
      presence.viewing(id, me().username(), me().displayName());
    }
  }

  /**
   * The page's poll every two seconds: says the agent is still here and tells the page (callback
   * parameter {@code changed}) whether the conversation or the ticket changed since it was loaded,
   * so the page reloads only the parts that show them and never the composer.
   */
  public void heartbeat() {
    if (ticket == null) {
      return;
    }
    presence.viewing(id, me().username(), me().displayName());
    if (!tickets.ticketStamp(id).equals(stamp)) {
      PrimeFaces.current().ajax().addCallbackParam("changed", true);
    }
  }

  /** The composer's signal while the agent writes. */
  public void typing() {
    if (ticket != null) {
      presence.typing(id, me().username(), me().displayName());
    }
  }

  /** The other agents on this ticket right now. */
  public List<PresenceRegistry.Presence> getOthers() {
    return ticket == null ? List.of() : presence.others(id, me().username());
  }

  private AgentView me() {
    if (me == null) {
      me = agents.current();
    }
    return me;
  }

  public void reply() {
    if (run(() -> tickets.reply(id, replyText))) {
      replyText = null;
      // Sent: no longer writing, still here.
      presence.left(id, me().username());
      presence.viewing(id, me().username(), me().displayName());
      info("ticket.replyQueued");
    }
    load();
  }

  public void addNote() {
    if (run(() -> tickets.addNote(id, noteText))) {
      noteText = null;
      info("ticket.noteAdded");
    }
    load();
  }

  public void save() {
    long version = ticket.version();
    if (run(
        () ->
            tickets.update(
                id, new TicketChanges(status, priority, true, blankToNull(assignee)), version))) {
      info("ticket.saved");
    }
    load();
  }

  private boolean run(Runnable action) {
    try {
      action.run();
      return true;
    } catch (DomainException e) {
      error(e.getMessage());
    } catch (EJBException e) {
      error(bundle().getString("ticket.conflict"));
    }
    return false;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static ResourceBundle bundle() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context.getApplication().getResourceBundle(context, "msg");
  }

  private static void info(String key) {
    FacesContext.getCurrentInstance()
        .addMessage(
            null, new FacesMessage(FacesMessage.SEVERITY_INFO, bundle().getString(key), null));
  }

  private static void error(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public List<AgentView> getTeam() {
    if (team == null) {
      team = agents.list().stream().filter(AgentView::active).toList();
    }
    return team;
  }

  public List<String> getStatuses() {
    return List.of("new", "in_progress", "resolved");
  }

  public List<String> getPriorities() {
    return List.of("low", "normal", "high", "urgent");
  }

  public TicketDetails getTicket() {
    return ticket;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getReplyText() {
    return replyText;
  }

  public void setReplyText(String replyText) {
    this.replyText = replyText;
  }

  public String getNoteText() {
    return noteText;
  }

  public void setNoteText(String noteText) {
    this.noteText = noteText;
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
