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

/** One line of a ticket's activity log: written once, never edited or deleted. */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_event_seq")
  @SequenceGenerator(
      name = "ticket_event_seq",
      sequenceName = "ticket_event_seq",
      allocationSize = 500)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id", updatable = false)
  private Ticket ticket;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private TicketEventType type;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Column(name = "before_value", updatable = false)
  private String before;

  @Column(name = "after_value", updatable = false)
  private String after;

  @Column(updatable = false)
  private String details;

  protected TicketEvent() {}

  TicketEvent(
      Ticket ticket,
      TicketEventType type,
      String actor,
      Instant at,
      String before,
      String after,
      String details) {
    this.ticket = ticket;
    this.type = type;
    this.actor = actor;
    this.at = at;
    this.before = before;
    this.after = after;
    this.details =
        details == null || details.length() <= 2000 ? details : details.substring(0, 2000);
  }

  public Long getId() {
    return id;
  }

  public TicketEventType getType() {
    return type;
  }

  public String getActor() {
    return actor;
  }

  public Instant getAt() {
    return at;
  }

  public String getBefore() {
    return before;
  }

  public String getAfter() {
    return after;
  }

  public String getDetails() {
    return details;
  }
}
