package org.ventanilla.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the customer behind an address, or makes one: the single place where an inbound message
 * becomes a person. Channel adapters and the tickets API both come through here.
 */
@ApplicationScoped
public class CustomerDirectory {

  @Inject CustomerRepository customers;

  public Customer findOrCreate(ContactType type, String normalizedValue, String name, Instant now) {
    Optional<Customer> existing = customers.findByContact(type, normalizedValue);
    if (existing.isPresent()) {
      return existing.get();
    }
    String displayName = name == null || name.isBlank() ? normalizedValue : name;
    Customer customer = customers.add(new Customer(displayName, now));
    customer.addContact(type, normalizedValue, now);
    return customer;
  }

  /** The customers these contacts belong to, by contact value. */
  public Map<String, Customer> findByContacts(
      ContactType type, Collection<String> normalizedValues) {
    return customers.findByContacts(type, normalizedValues);
  }
}
