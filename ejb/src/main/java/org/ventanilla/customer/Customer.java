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
