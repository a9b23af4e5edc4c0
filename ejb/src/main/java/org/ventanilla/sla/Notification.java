package org.ventanilla.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.ventanilla.agent.Agent;
import org.ventanilla.ticket.Ticket;

/** A message for one agent in the app (an SLA warning or breach on a ticket). */
@Entity
@Table(name = "notification")
public class Notification {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
  @SequenceGenerator(
      name = "notification_seq",
      sequenceName = "notification_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "agent_id", updatable = false)
  private Agent agent;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "ticket_id", updatable = false)
  private Ticket ticket;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(nullable = false, updatable = false)
  private String text;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "read_at")
  private Instant readAt;

  protected Notification() {}

  Notification(Agent agent, Ticket ticket, String kind, String text, Instant now) {
    this.agent = agent;
    this.ticket = ticket;
    this.kind = kind;
    this.text = text.length() > 1000 ? text.substring(0, 1000) : text;
    this.createdAt = now;
  }

  /** A notification raised by another capability (automation telling admins of a paused rule). */
  public static Notification of(Agent agent, Ticket ticket, String kind, String text, Instant now) {
    return new Notification(agent, ticket, kind, text, now);
  }

  public Long getId() {
    return id;
  }

  public Ticket getTicket() {
    return ticket;
  }

  public String getKind() {
    return kind;
  }

  public String getText() {
    return text;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReadAt() {
    return readAt;
  }
}
