package org.ventanilla.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.customer.Customer;
import org.ventanilla.customer.CustomerRepository;

/**
 * A customer's tickets: the history across channels and the merge of two customers. Lives on the
 * ticket side because it moves tickets; {@code customer} knows nothing of tickets.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class CustomerTickets {

  private static final int HISTORY_LIMIT = 200;
  private static final Logger LOG = Logger.getLogger(CustomerTickets.class.getName());

  @Inject CustomerRepository customers;
  @Inject TicketRepository tickets;
  @Inject Clock clock;
  @Inject CallerAgent caller;

  /** The customer with every ticket on any channel, newest first. */
  public Optional<CustomerHistory> get(long id) {
    return customers
        .find(id)
        .map(
            c ->
                CustomerHistory.of(
                    c,
                    tickets.ofCustomer(c, HISTORY_LIMIT).stream().map(TicketSummary::of).toList()));
  }

  /**
   * One person, two customers (an email and a WhatsApp number): {@code mergedId}'s contacts and
   * tickets move to {@code keptId} in this one transaction, each ticket logs it, and the merged
   * customer is gone.
   */
  public CustomerHistory merge(long keptId, long mergedId) {
    if (keptId == mergedId) {
      throw new InvalidInputException("same_customer", "A customer cannot be merged into itself");
    }
    Customer kept =
        customers.find(keptId).orElseThrow(() -> new NotFoundException("Customer", keptId));
    Customer merged =
        customers.find(mergedId).orElseThrow(() -> new NotFoundException("Customer", mergedId));
    String actor = caller.require().getUsername();
    Instant now = clock.instant();
    for (Ticket ticket : tickets.ofCustomer(merged, Integer.MAX_VALUE)) {
      ticket.moveToCustomer(kept, actor, now);
    }
    customers.mergeInto(merged, kept);
    LOG.info(() -> "Customer " + mergedId + " merged into " + keptId + " by " + actor);
    return get(keptId).orElseThrow();
  }
}
