package org.ventanilla.csat;

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
import jakarta.persistence.Version;
import java.time.Instant;
import org.ventanilla.ticket.Ticket;

/**
 * One ticket's survey: the hash of its single-use token (the token itself only ever leaves in the
 * invitation), answered once.
 */
@Entity
@Table(name = "csat_survey")
public class Survey {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "csat_survey_seq")
  @SequenceGenerator(
      name = "csat_survey_seq",
      sequenceName = "csat_survey_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "ticket_id", updatable = false)
  private Ticket ticket;

  @Column(name = "token_hash", nullable = false, updatable = false)
  private String tokenHash;

  @Column(nullable = false)
  private String language;

  @Column(name = "sent_at", nullable = false, updatable = false)
  private Instant sentAt;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Version private long version;

  protected Survey() {}

  Survey(Ticket ticket, String tokenHash, String language, Instant now) {
    this.ticket = ticket;
    this.tokenHash = tokenHash;
    this.language = language;
    this.sentAt = now;
  }

  /** Records the answer on the ticket; a used survey is refused. */
  void answer(int score, String comment, Instant now) {
    if (answeredAt != null) {
      throw new SurveyUsedException();
    }
    ticket.csatAnswered(score, comment, now);
    answeredAt = now;
  }

  public boolean isAnswered() {
    return answeredAt != null;
  }

  public Ticket getTicket() {
    return ticket;
  }

  public String getLanguage() {
    return language;
  }
}
