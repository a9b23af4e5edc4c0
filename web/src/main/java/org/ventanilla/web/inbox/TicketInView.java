package org.ventanilla.web.inbox;

import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.AgentView;
import org.ventanilla.ticket.ReplyWindow;
import org.ventanilla.ticket.TicketDetails;
import org.ventanilla.ticket.TicketService;

/**
 * The ticket that ticket.xhtml shows, shared by the page's use-case beans ({@link ReplyComposer},
 * {@link TicketProperties}, {@link CustomerPanel}, {@link TicketTimeline}): loaded once by the
 * page's f:viewAction and again after an action or when the live poll saw a change, never in a
 * getter. Each load fires {@link Loaded}, so the beans that show the ticket's values take them
 * anew.
 */
@Named
@ViewScoped
public class TicketInView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The ticket was (re)loaded; {@code ticket} is null when it does not exist. */
  public record Loaded(TicketDetails ticket) {}

  @Inject transient TicketService tickets;
  @Inject transient AgentService agents;
  @Inject transient PresenceRegistry presence;
  @Inject transient Event<Loaded> loaded;

  private Long id;
  private TicketDetails ticket;
  private ReplyWindow window;
  private String stamp;
  private AgentView me;

  /** f:viewAction, and after every change: reads the ticket named by the id view parameter. */
  public void load() {
    stamp = id == null ? null : tickets.ticketStamp(id);
    ticket = id == null ? null : tickets.get(id).orElse(null);
    window = null;
    if (ticket != null) {
      window = tickets.replyWindow(id);
      tickets.markSeen(id);
      presence.viewing(id, me().username(), me().displayName());
    }
    loaded.fire(new Loaded(ticket));
  }

  /** Whether the ticket, its conversation or a delivery status changed since it was loaded. */
  boolean changedSinceLoaded() {
    return ticket != null && !tickets.ticketStamp(id).equals(stamp);
  }

  /** The signed-in agent, read once per view. */
  AgentView me() {
    if (me == null) {
      me = agents.current();
    }
    return me;
  }

  public boolean isPresent() {
    return ticket != null;
  }

  public TicketDetails getTicket() {
    return ticket;
  }

  /** The WhatsApp 24-hour window (or none for mail) as of the last load. */
  public ReplyWindow getWindow() {
    return window;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }
}
