package org.ventanilla.customer;

import java.util.List;

/** A customer with all their contacts (with their tickets: {@code ticket.CustomerHistory}). */
public record CustomerView(
    long id,
    String name,
    List<String> emails,
    List<String> phones,
    List<WhatsAppIdentity> whatsapp) {

  public static CustomerView of(Customer c) {
    return new CustomerView(
        c.getId(),
        c.getName(),
        c.contactValues(ContactType.EMAIL),
        c.contactValues(ContactType.PHONE),
        c.whatsappIdentities());
  }
}
