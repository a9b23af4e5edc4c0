package org.ventanilla.ticket;

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
 * Someone on a ticket beside its customer: copied on a reply ({@link Role#CC}) or sent a forward
 * ({@link Role#THIRD_PARTY}). Their answers to our mails join the ticket as theirs, not as the
 * customer's and not as a new customer's ticket.
 */
@Entity
@Table(name = "ticket_participant")
public class Participant {

  /** How they came onto the ticket. */
  public enum Role {
    CC,
    THIRD_PARTY
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "participant_seq")
  @SequenceGenerator(
      name = "participant_seq",
      sequenceName = "participant_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id")
  private Ticket ticket;

  @Column(nullable = false)
  private String address;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Participant() {}

  Participant(Ticket ticket, String address, Role role, Instant now) {
    this.ticket = ticket;
    this.address = address;
    this.role = role;
    this.createdAt = now;
  }

  public String getAddress() {
    return address;
  }

  public Role getRole() {
    return role;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
