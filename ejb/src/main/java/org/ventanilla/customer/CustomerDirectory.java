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
    return findOrCreate(
        type, normalizedValue, name, now, customers.findByContact(type, normalizedValue));
  }

  /** {@link #findOrCreate(ContactType, String, String, Instant)} with the lookup done already. */
  public Customer findOrCreate(
      ContactType type,
      String normalizedValue,
      String name,
      Instant now,
      Optional<Customer> existing) {
    if (existing.isPresent()) {
      return existing.get();
    }
    String displayName = name == null || name.isBlank() ? normalizedValue : name;
    Customer customer = customers.add(new Customer(displayName, now));
    customer.addContact(type, normalizedValue, now);
    return customer;
  }

  /**
   * The customer behind a WhatsApp sender, known by phone ({@code phone}, normalised {@code +...})
   * and/or BSUID ({@code userId}): the one either names (the phone's when both do and they differ),
   * or a new one. Learns what it did not know yet: the other identifier, the parent BSUID and the
   * username. Both identifiers are unique contacts, so two deliveries at once cannot make two
   * customers for one identifier: the loser's transaction fails and its payload is filed again.
   */
  public Customer onWhatsApp(WhatsAppSender sender, Instant now) {
    return onWhatsApp(
        sender,
        sender.phone() == null
            ? Optional.empty()
            : customers.findByContact(ContactType.PHONE, sender.phone()),
        sender.userId() == null
            ? Optional.empty()
            : customers.findByContact(ContactType.WHATSAPP_USER, sender.userId()),
        now);
  }

  /** {@link #onWhatsApp(WhatsAppSender, Instant)} with the lookups done already (a batch). */
  public Customer onWhatsApp(
      WhatsAppSender sender, Optional<Customer> byPhone, Optional<Customer> byUser, Instant now) {
    if (sender.phone() == null && sender.userId() == null) {
      throw new org.ventanilla.common.InvalidInputException(
          "invalid_phone", "A WhatsApp message with neither a phone number nor a user id");
    }
    Customer customer =
        byPhone
            .or(() -> byUser)
            .orElseGet(() -> customers.add(new Customer(sender.displayName(), now)));
    String waId = sender.phone() == null ? null : sender.phone().substring(1);
    if (sender.phone() != null) {
      customer
          .addContact(ContactType.PHONE, sender.phone(), now)
          .seenOnWhatsApp(null, null, sender.userId() == null ? sender.username() : null);
    }
    if (sender.userId() != null && byUser.map(c -> c == customer).orElse(true)) {
      customer
          .addContact(ContactType.WHATSAPP_USER, sender.userId(), now)
          .seenOnWhatsApp(waId, sender.parentUserId(), sender.username());
    }
    return customer;
  }

  /**
   * Meta's {@code system} message: the person behind {@code before} now has a new phone and/or
   * BSUID. The contact changes in place (replies go to the new one); nobody new is made. False when
   * we do not know that person.
   */
  public boolean whatsappChanged(
      WhatsAppSender before, String newPhone, String newUserId, Instant now) {
    Optional<Customer> found =
        (before.phone() == null
                ? Optional.<Customer>empty()
                : customers.findByContact(ContactType.PHONE, before.phone()))
            .or(
                () ->
                    before.userId() == null
                        ? Optional.empty()
                        : customers.findByContact(ContactType.WHATSAPP_USER, before.userId()));
    if (found.isEmpty()) {
      return false;
    }
    Customer customer = found.get();
    if (newPhone != null && customers.findByContact(ContactType.PHONE, newPhone).isEmpty()) {
      customer.replaceContact(ContactType.PHONE, before.phone(), newPhone, now);
    }
    if (newUserId != null
        && customers.findByContact(ContactType.WHATSAPP_USER, newUserId).isEmpty()) {
      customer.replaceContact(ContactType.WHATSAPP_USER, before.userId(), newUserId, now);
    }
    if (newPhone != null) {
      String waId = newPhone.substring(1);
      customer.getContacts().stream()
          .filter(c -> c.getType() == ContactType.WHATSAPP_USER)
          .filter(c -> newUserId == null || c.getValue().equals(newUserId))
          .forEach(c -> c.repointPhone(waId));
    }
    return true;
  }

  /** Who wrote on WhatsApp, as the webhook names them. */
  public record WhatsAppSender(
      String phone, String userId, String parentUserId, String username, String profileName) {
    String displayName() {
      for (String name : new String[] {profileName, username, phone, userId}) {
        if (name != null && !name.isBlank()) {
          return name;
        }
      }
      return "WhatsApp";
    }
  }

  /** The customers these contacts belong to, by contact value. */
  public Map<String, Customer> findByContacts(
      ContactType type, Collection<String> normalizedValues) {
    return customers.findByContacts(type, normalizedValues);
  }
}
