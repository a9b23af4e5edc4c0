package org.ventanilla.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.ventanilla.agent.Role;
import org.ventanilla.common.Page;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.ticket.TicketRepository;
import org.ventanilla.ticket.TicketSummary;

/** Looking customers up, with their history across channels. */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class CustomerService {

  private static final int HISTORY_LIMIT = 200;

  @Inject CustomerRepository customers;
  @Inject TicketRepository tickets;

  public Page<CustomerView> search(String text, PageRequest page) {
    return new Page<>(
        customers.search(text, page).stream().map(CustomerView::of).toList(),
        customers.count(text),
        page.page(),
        page.size());
  }

  /** The customer with every ticket on any channel, newest first. */
  public Optional<CustomerView> get(long id) {
    return customers
        .find(id)
        .map(
            c ->
                CustomerView.of(
                    c,
                    tickets.ofCustomer(c, HISTORY_LIMIT).stream().map(TicketSummary::of).toList()));
  }
}
