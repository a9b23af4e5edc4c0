package org.ventanilla.sla;

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
import org.ventanilla.ticket.SlaClockKind;
import org.ventanilla.ticket.Ticket;

/**
 * A warning or breach that has fired. Unique per ticket, clock, stage and due time: inserting it is
 * the claim, so an alert fires once however many servers scan; a recomputed due time may fire anew.
 */
@Entity
@Table(name = "sla_alert")
public class SlaAlert {

  /** How far along the clock is. */
  public enum Stage {
    WARNING,
    BREACH
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_alert_seq")
  @SequenceGenerator(name = "sla_alert_seq", sequenceName = "sla_alert_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id", updatable = false)
  private Ticket ticket;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private SlaClockKind clock;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Stage stage;

  @Column(name = "due_at", nullable = false, updatable = false)
  private Instant dueAt;

  @Column(name = "fired_at", nullable = false, updatable = false)
  private Instant firedAt;

  @Column(name = "mail_result")
  private String mailResult;

  protected SlaAlert() {}

  SlaAlert(Ticket ticket, SlaClockKind clock, Stage stage, Instant dueAt, Instant firedAt) {
    this.ticket = ticket;
    this.clock = clock;
    this.stage = stage;
    this.dueAt = dueAt;
    this.firedAt = firedAt;
  }

  void recordMail(String result) {
    this.mailResult = result.length() > 1000 ? result.substring(0, 1000) : result;
  }

  public Long getId() {
    return id;
  }

  public Stage getStage() {
    return stage;
  }

  public String getMailResult() {
    return mailResult;
  }
}
