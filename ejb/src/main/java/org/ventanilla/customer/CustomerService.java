package org.ventanilla.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.common.Page;
import org.ventanilla.common.Page.PageRequest;

/** Looking customers up and correcting them; their tickets are {@code ticket.CustomerTickets}. */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class CustomerService {

  @Inject CustomerRepository customers;
  @Inject Clock clock;
  @Inject CallerAgent caller;

  public Page<CustomerView> search(String text, PageRequest page) {
    return new Page<>(
        customers.search(text, page).stream().map(CustomerView::of).toList(),
        customers.count(text),
        page.page(),
        page.size());
  }

  /** Corrects the customer's name, as agents learn it. */
  public CustomerView rename(long id, String name) {
    Customer customer = customers.find(id).orElseThrow(() -> new NotFoundException("Customer", id));
    customer.rename(name, clock.instant());
    return CustomerView.of(customer);
  }
}
