package org.ventanilla.customer;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ventanilla.common.InvalidInputException;

/** A person who writes to us, on any channel. */
@Entity
@Table(name = "customer")
public class Customer {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
  @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<CustomerContact> contacts = new ArrayList<>();

  @Version private long version;

  protected Customer() {}

  public Customer(String name, Instant now) {
    this.name = cleanName(name);
    this.createdAt = now;
    this.updatedAt = now;
  }

  private static String cleanName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("A customer needs a name");
    }
    // A name is one line: line breaks and other control characters (NUL) become spaces.
    String trimmed = name.replaceAll("\\p{Cntrl}+", " ").strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException("A customer needs a name");
    }
    return trimmed.length() > 300 ? trimmed.substring(0, 300) : trimmed;
  }

  /** Adds a normalised contact; the caller has checked that no other customer owns it. */
  public CustomerContact addContact(ContactType type, String normalizedValue, Instant now) {
    for (CustomerContact c : contacts) {
      if (c.getType() == type && c.getValue().equals(normalizedValue)) {
        return c;
      }
    }
    CustomerContact contact = new CustomerContact(this, type, normalizedValue, now);
    contacts.add(contact);
    this.updatedAt = now;
    return contact;
  }

  /**
   * How the customer is known on WhatsApp: one entry per BSUID (with the phone it came with), and
   * one per phone seen on WhatsApp that no BSUID entry names.
   */
  public List<WhatsAppIdentity> whatsappIdentities() {
    List<WhatsAppIdentity> out = new ArrayList<>();
    java.util.Set<String> paired = new java.util.HashSet<>();
    for (CustomerContact c : contacts) {
      if (c.getType() == ContactType.WHATSAPP_USER) {
        out.add(
            new WhatsAppIdentity(c.getWaId(), c.getValue(), c.getParentUserId(), c.getUsername()));
        if (c.getWaId() != null) {
          paired.add(c.getWaId());
        }
      }
    }
    for (CustomerContact c : contacts) {
      if (c.getType() == ContactType.PHONE && c.isWhatsApp()) {
        String waId = c.getValue().startsWith("+") ? c.getValue().substring(1) : c.getValue();
        if (!paired.contains(waId)) {
          out.add(new WhatsAppIdentity(waId, null, c.getParentUserId(), c.getUsername()));
        }
      }
    }
    return out;
  }

  /**
   * The contact {@code old} of this type becomes {@code value} (kept with what WhatsApp told of
   * it); without {@code old}, or when it is not ours, {@code value} is added as seen on WhatsApp.
   */
  void replaceContact(ContactType type, String old, String value, Instant now) {
    for (CustomerContact c : contacts) {
      if (c.getType() == type && c.getValue().equals(value)) {
        return;
      }
    }
    for (CustomerContact c : contacts) {
      if (c.getType() == type && old != null && c.getValue().equals(old)) {
        c.changeValue(value);
        this.updatedAt = now;
        return;
      }
    }
    addContact(type, value, now).seenOnWhatsApp(null, null, null);
  }

  public void rename(String newName, Instant now) {
    this.name = cleanName(newName);
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<CustomerContact> getContacts() {
    return Collections.unmodifiableList(contacts);
  }

  public List<String> contactValues(ContactType type) {
    return contacts.stream()
        .filter(c -> c.getType() == type)
        .map(CustomerContact::getValue)
        .toList();
  }
}
