package org.ventanilla.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.NotificationChoices;
import org.ventanilla.agent.Role;
import org.ventanilla.common.Enums;

/**
 * What the signed-in agent should be told of while not looking: since a cursor (an activity log
 * id), the tickets newly assigned to them, customers writing on their tickets and SLA warnings on
 * them, as far as the agent chose to hear of each; and how many customer messages on their open
 * tickets they have not read. The pages ask every few seconds, along with their live updates.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class AgentAlerts {

  /** At most this many alerts per call: a flood becomes a few notifications, not hundreds. */
  static final int LIMIT = 10;

  @PersistenceContext EntityManager em;
  @Inject CallerAgent caller;

  /** One alert: {@code kind} is {@code assigned}, {@code customer_wrote} or {@code sla_warning}. */
  public record Alert(long eventId, String kind, long ticketId, long number, String subject) {}

  /** The new cursor, the agent's unread count and the alerts after the old cursor. */
  public record Alerts(long cursor, long unread, List<Alert> alerts) {}

  /** Without a cursor: where the log stands now (nothing from before the page opened). */
  public Alerts since(Long after) {
    Agent me = caller.require();
    long cursor =
        em.createQuery("SELECT COALESCE(MAX(e.id), 0) FROM TicketEvent e", Long.class)
            .getSingleResult();
    long unread = unread(me);
    if (after == null || after >= cursor) {
      return new Alerts(Math.max(cursor, after == null ? 0 : after), unread, List.of());
    }
    List<TicketEventType> types = wanted(me.getNotifications());
    if (types.isEmpty()) {
      return new Alerts(cursor, unread, List.of());
    }
    List<Alert> alerts = new ArrayList<>();
    em.createQuery(
            "SELECT e.id, e.type, e.after, t.id, t.number, t.subject FROM TicketEvent e"
                + " JOIN e.ticket t WHERE e.id > :after AND e.id <= :cursor AND t.assignee = :me"
                + " AND e.type IN :types AND e.actor <> :name ORDER BY e.id",
            Object[].class)
        .setParameter("after", after)
        .setParameter("cursor", cursor)
        .setParameter("me", me)
        .setParameter("types", types)
        .setParameter("name", me.getUsername())
        .setMaxResults(LIMIT)
        .getResultList()
        .forEach(
            row -> {
              TicketEventType type = (TicketEventType) row[1];
              // An assignment is news only when it was to me (the ticket may have moved on since).
              if (type == TicketEventType.ASSIGNED && !me.getUsername().equals(row[2])) {
                return;
              }
              alerts.add(
                  new Alert(
                      (Long) row[0],
                      kind(type),
                      (Long) row[3],
                      ((Number) row[4]).longValue(),
                      (String) row[5]));
            });
    return new Alerts(cursor, unread, alerts);
  }

  private static List<TicketEventType> wanted(NotificationChoices choices) {
    List<TicketEventType> types = new ArrayList<>();
    if (choices.assigned()) {
      types.add(TicketEventType.ASSIGNED);
    }
    if (choices.customerWrote()) {
      types.add(TicketEventType.MESSAGE_RECEIVED);
    }
    if (choices.slaWarning()) {
      types.add(TicketEventType.SLA_WARNING);
    }
    return types;
  }

  private static String kind(TicketEventType type) {
    return switch (type) {
      case ASSIGNED -> "assigned";
      case MESSAGE_RECEIVED -> "customer_wrote";
      default -> Enums.json(type);
    };
  }

  /** Customer messages on my tickets not resolved that I have not seen. */
  private long unread(Agent me) {
    return em.createQuery(
            "SELECT COUNT(m) FROM Message m WHERE m.ticket.assignee = :me"
                + " AND m.ticket.status <> :resolved AND m.direction = :in"
                + " AND m.id > COALESCE((SELECT MAX(r.lastSeenMessageId) FROM TicketRead r"
                + " WHERE r.agentId = :agent AND r.ticketId = m.ticket.id), 0)",
            Long.class)
        .setParameter("me", me)
        .setParameter("resolved", TicketStatus.RESOLVED)
        .setParameter("in", MessageDirection.INBOUND)
        .setParameter("agent", me.getId())
        .getSingleResult();
  }
}
