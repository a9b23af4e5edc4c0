package org.ventanilla.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One normalised email address or phone number of a customer. */
@Entity
@Table(name = "customer_contact")
public class CustomerContact {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
  @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ContactType type;

  @Column(name = "contact_value", nullable = false)
  private String value;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected CustomerContact() {}

  CustomerContact(Customer customer, ContactType type, String value, Instant now) {
    this.customer = customer;
    this.type = type;
    this.value = value;
    this.createdAt = now;
  }

  void moveTo(Customer other) {
    this.customer = other;
  }

  public ContactType getType() {
    return type;
  }

  public String getValue() {
    return value;
  }

  public Customer getCustomer() {
    return customer;
  }
}
