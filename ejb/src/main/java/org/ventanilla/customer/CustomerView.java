package org.ventanilla.customer;

import java.util.List;
import org.ventanilla.ticket.TicketSummary;

/** A customer with all their contacts; tickets only when fetched alone. */
public record CustomerView(
    long id, String name, List<String> emails, List<String> phones, List<TicketSummary> tickets) {

  public static CustomerView of(Customer c) {
    return of(c, null);
  }

  public static CustomerView of(Customer c, List<TicketSummary> tickets) {
    return new CustomerView(
        c.getId(),
        c.getName(),
        c.contactValues(ContactType.EMAIL),
        c.contactValues(ContactType.PHONE),
        tickets);
  }
}
