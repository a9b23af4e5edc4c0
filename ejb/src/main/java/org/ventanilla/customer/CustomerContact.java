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

/**
 * One normalised email address, phone number or WhatsApp user id (BSUID) of a customer. WhatsApp
 * adds what Meta tells about it: a phone seen on WhatsApp is marked so; a BSUID keeps the phone it
 * came with (if any), its parent BSUID and the username, as Meta sent them.
 */
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

  @Column(name = "whatsapp", nullable = false)
  private boolean whatsapp;

  @Column(name = "wa_id")
  private String waId;

  @Column(name = "wa_parent_user_id")
  private String parentUserId;

  @Column(name = "wa_username")
  private String username;

  protected CustomerContact() {}

  CustomerContact(Customer customer, ContactType type, String value, Instant now) {
    this.customer = customer;
    this.type = type;
    this.value = value;
    this.createdAt = now;
  }

  /** Marks the contact as seen on WhatsApp with what Meta sent beside it (null: not sent). */
  boolean seenOnWhatsApp(String waId, String parentUserId, String username) {
    boolean changed = !whatsapp;
    whatsapp = true;
    if (waId != null && !waId.equals(this.waId)) {
      this.waId = waId;
      changed = true;
    }
    if (parentUserId != null && !parentUserId.equals(this.parentUserId)) {
      this.parentUserId = parentUserId;
      changed = true;
    }
    if (username != null && !username.equals(this.username)) {
      this.username = username;
      changed = true;
    }
    return changed;
  }

  void changeValue(String value) {
    this.value = value;
    this.whatsapp = true;
  }

  void repointPhone(String waId) {
    this.waId = waId;
  }

  public boolean isWhatsApp() {
    return whatsapp;
  }

  public String getWaId() {
    return waId;
  }

  public String getParentUserId() {
    return parentUserId;
  }

  public String getUsername() {
    return username;
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
