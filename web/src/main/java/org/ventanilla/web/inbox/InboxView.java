package org.ventanilla.web.inbox;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.primefaces.PrimeFaces;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.AgentView;
import org.ventanilla.channel.ChannelType;
import org.ventanilla.common.Enums;
import org.ventanilla.ticket.Priority;
import org.ventanilla.ticket.TicketFilter;
import org.ventanilla.ticket.TicketService;
import org.ventanilla.ticket.TicketStatus;

/** The inbox: a view (mine, unassigned, open, resolved, all) plus filters, over a lazy table. */
@Named
@ViewScoped
public class InboxView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient TicketService tickets;
  @Inject transient AgentService agents;
  @Inject transient SecurityContext security;

  private String view = "open";
  private String channel;
  private String priority;
  private String assignee;
  private TicketLazyModel model;
  private List<AgentView> team;
  private String stamp;

  /** f:viewAction: remembers what the list looked like when it was rendered. */
  public void load() {
    stamp = tickets.inboxStamp();
  }

  /**
   * The page's poll every two seconds: one indexed query; only when something changed does the page
   * (callback parameter {@code changed}) reload the table and the counts.
   */
  public void checkForChanges() {
    String now = tickets.inboxStamp();
    if (!now.equals(stamp)) {
      stamp = now;
      PrimeFaces.current().ajax().addCallbackParam("changed", true);
    }
  }

  public TicketLazyModel getModel() {
    if (model == null) {
      model = new TicketLazyModel(tickets, this::filter);
    }
    return model;
  }

  public List<AgentView> getTeam() {
    if (team == null) {
      team = agents.list();
    }
    return team;
  }

  TicketFilter filter() {
    Set<TicketStatus> statuses =
        switch (view) {
          case "resolved" -> EnumSet.of(TicketStatus.RESOLVED);
          case "all" -> null;
          default -> EnumSet.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS);
        };
    boolean unassigned = "unassigned".equals(view);
    String owner = "mine".equals(view) ? security.getCallerPrincipal().getName() : assignee;
    return new TicketFilter(
        statuses,
        channel == null ? null : Enums.parse(ChannelType.class, "channel", channel),
        unassigned ? null : owner,
        unassigned,
        priority == null ? null : Enums.parse(Priority.class, "priority", priority));
  }

  public long countFor(String aView) {
    String saved = view;
    try {
      view = aView;
      return tickets.count(filter());
    } finally {
      view = saved;
    }
  }

  public List<String> getViews() {
    return List.of("mine", "unassigned", "open", "resolved", "all");
  }

  public List<String> getChannels() {
    return List.of("email", "whatsapp");
  }

  public List<String> getPriorities() {
    return List.of("low", "normal", "high", "urgent");
  }

  public String getView() {
    return view;
  }

  public void setView(String view) {
    this.view = getViews().contains(view) ? view : "open";
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
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
