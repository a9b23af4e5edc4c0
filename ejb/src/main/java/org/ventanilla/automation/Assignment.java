package org.ventanilla.automation;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.Enums;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketRepository;

/**
 * Shares new tickets out among the agents who are online (round robin or balanced, capped by a
 * capacity). Each hand-out is one transaction holding the settings row's lock, so concurrent
 * tickets on any number of servers take consecutive turns.
 */
@Stateless
@PermitAll
public class Assignment {

  /** How the activity log names the assignment done by the round robin. */
  public static final String ACTOR = "Automation: assignment";

  private static final Logger LOG = Logger.getLogger(Assignment.class.getName());
  private static final int SHARE_OUT_BATCH = 500;

  @Inject AssignmentRepository repository;
  @Inject TicketRepository tickets;
  @Inject Clock clock;

  @RolesAllowed(Role.ADMIN_ROLE)
  public AssignmentSettings settings() {
    return repository.settings().view();
  }

  @RolesAllowed(Role.ADMIN_ROLE)
  public AssignmentSettings change(AssignmentSettings request) {
    AssignmentMode mode = Enums.parse(AssignmentMode.class, "mode", request.mode());
    AssignmentSetting setting = repository.lockSettings();
    setting.change(mode, request.capacity());
    LOG.info(() -> "Assignment set to " + Enums.json(mode) + ", capacity " + request.capacity());
    return setting.view();
  }

  /**
   * Gives a newly opened ticket to the agent whose turn it is, or queues it when nobody online can
   * take it. A ticket that already has an assignee (a rule gave it) is left alone.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void assignOpened(long ticketId) {
    if (repository.isOff()) {
      return;
    }
    AssignmentSetting setting = repository.lockSettings();
    if (setting.getMode() == AssignmentMode.OFF) {
      return;
    }
    Instant now = clock.instant();
    Optional<Ticket> ticket = tickets.find(ticketId).filter(Assignment::waitsForSomeone);
    if (ticket.isPresent() && !handOut(setting, ticket.get(), now)) {
      repository.queue(ticketId, now);
    }
  }

  /** Someone came online: the tickets that waited for someone are shared out, oldest first. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int shareOut() {
    if (repository.isOff()) {
      return 0;
    }
    AssignmentSetting setting = repository.lockSettings();
    if (setting.getMode() == AssignmentMode.OFF) {
      return 0;
    }
    Instant now = clock.instant();
    int given = 0;
    for (long ticketId : repository.pending(SHARE_OUT_BATCH)) {
      Optional<Ticket> ticket = tickets.find(ticketId).filter(Assignment::waitsForSomeone);
      if (ticket.isPresent()) {
        if (!handOut(setting, ticket.get(), now)) {
          break;
        }
        given++;
      }
      repository.dequeue(ticketId);
    }
    int total = given;
    LOG.fine(() -> "Shared out " + total + " waiting tickets");
    return total;
  }

  private boolean handOut(AssignmentSetting setting, Ticket ticket, Instant now) {
    Optional<Agent> agent = repository.nextAgent(setting.getMode(), setting.getCapacity());
    agent.ifPresent(
        a -> {
          ticket.assign(a, ACTOR, now);
          repository.recordTurn(a, setting.nextTurn());
          repository.flush();
        });
    return agent.isPresent();
  }

  private static boolean waitsForSomeone(Ticket ticket) {
    return ticket.getAssignee() == null && ticket.getStatus().isOpen();
  }
}
