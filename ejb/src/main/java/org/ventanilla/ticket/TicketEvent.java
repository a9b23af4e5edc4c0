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
    // Actors and values may be customers' names and subjects: cut to their columns.
    this.actor = cut(actor, 200);
    this.at = at;
    this.before = cut(before, 500);
    this.after = cut(after, 500);
    this.details = cut(details, 2000);
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
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
