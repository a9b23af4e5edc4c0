package org.ventanilla.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.OptimisticLockException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ventanilla.agent.Role;
import org.ventanilla.common.DomainException;
import org.ventanilla.common.InvalidInputException;

/**
 * The same change on many tickets. Each ticket is its own transaction ({@link
 * TicketService#updateAlone}), so a ticket someone else edited meanwhile is reported and left as it
 * is while the others are changed: nothing is applied half-silently.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TicketBulkActions {

  static final int MAX_TICKETS = 500;

  @EJB TicketService tickets;

  /** {@code versions} maps a ticket id to the version the caller saw (optional per ticket). */
  public List<BulkOutcome> apply(List<Long> ids, TicketChanges changes, Map<Long, Long> versions) {
    if (ids == null || ids.isEmpty()) {
      throw new InvalidInputException("ids are required");
    }
    if (ids.size() > MAX_TICKETS) {
      throw new InvalidInputException("At most " + MAX_TICKETS + " tickets at once");
    }
    List<BulkOutcome> outcomes = new ArrayList<>();
    for (Long id : ids.stream().distinct().toList()) {
      outcomes.add(applyTo(id, changes, versions.get(id)));
    }
    return outcomes;
  }

  private BulkOutcome applyTo(long id, TicketChanges changes, Long version) {
    try {
      tickets.updateAlone(id, changes, version);
      return BulkOutcome.applied(id);
    } catch (DomainException e) {
      return BulkOutcome.failed(id, e.code(), e.getMessage());
    } catch (EJBException e) {
      if (isOptimisticLock(e)) {
        return BulkOutcome.failed(
            id, "conflict", "Someone else changed this ticket at the same time");
      }
      throw e;
    }
  }

  private static boolean isOptimisticLock(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockException
          || cause instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
        return true;
      }
    }
    return false;
  }
}
