package org.ventanilla.ticket;

import java.util.List;
import org.ventanilla.customer.ContactType;
import org.ventanilla.customer.Customer;
import org.ventanilla.customer.WhatsAppIdentity;

/** A customer with all their contacts and every ticket on any channel, newest first. */
public record CustomerHistory(
    long id,
    String name,
    List<String> emails,
    List<String> phones,
    List<WhatsAppIdentity> whatsapp,
    List<TicketSummary> tickets) {

  static CustomerHistory of(Customer c, List<TicketSummary> tickets) {
    return new CustomerHistory(
        c.getId(),
        c.getName(),
        c.contactValues(ContactType.EMAIL),
        c.contactValues(ContactType.PHONE),
        c.whatsappIdentities(),
        tickets);
  }
}
