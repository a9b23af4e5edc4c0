package org.ventanilla.ticket;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;

/**
 * Snoozing: an agent puts an open ticket aside until a time or until the customer answers; it
 * leaves the open views and comes back by itself ({@link #wakeDue}, called by a timer) or at the
 * customer's message ({@link Ticket#receive}), each with its event.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class TicketSnoozing {

  /** The value of {@code snoozedUntil} that waits for the customer instead of a time. */
  public static final String CUSTOMER_REPLY = "customer_reply";

  /** How the activity log names the timer that brings tickets back. */
  public static final String WAKER = "Automation: snooze";

  @PersistenceContext EntityManager em;
  @Inject TicketRepository tickets;
  @Inject CallerAgent caller;
  @Inject Clock clock;

  /** {@code until}: an ISO-8601 time, {@code "customer_reply"}, or null to bring it back now. */
  public void change(long id, String until) {
    Ticket ticket = tickets.find(id).orElseThrow(() -> new NotFoundException("Ticket", id));
    String actor = caller.require().getUsername();
    Instant now = clock.instant();
    if (until == null) {
      ticket.unsnooze(actor, now);
    } else if (CUSTOMER_REPLY.equals(until.strip())) {
      ticket.snooze(null, actor, now);
    } else {
      ticket.snooze(parse(until), actor, now);
    }
  }

  private static Instant parse(String until) {
    try {
      return OffsetDateTime.parse(until.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "snoozedUntil must be an ISO-8601 time with an offset, \"customer_reply\" or null");
    }
  }

  /** Brings back the tickets whose snooze time has come; answers how many. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int wakeDue() {
    Instant now = clock.instant();
    List<Ticket> due =
        em.createQuery(
                "SELECT t FROM Ticket t WHERE t.snoozedUntil IS NOT NULL AND t.snoozedUntil <= :now"
                    + " ORDER BY t.snoozedUntil",
                Ticket.class)
            .setParameter("now", now)
            .setMaxResults(200)
            .getResultList();
    due.forEach(t -> t.unsnooze(WAKER, now));
    return due.size();
  }
}
