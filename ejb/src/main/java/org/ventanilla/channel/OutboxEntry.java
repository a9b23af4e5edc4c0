package org.ventanilla.channel;

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
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.ventanilla.common.Backoff;
import org.ventanilla.ticket.Message;

/**
 * A reply waiting to leave through its channel. Written in the reply's own transaction, so nothing
 * is queued that was not stored, and nothing stored is forgotten by a restart. A server claims it
 * for a while before sending (the version makes the claim exclusive across servers); a claim whose
 * server died runs out and the entry is tried again.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

  static final int MAX_ATTEMPTS = 12;
  static final Backoff RETRY = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15));
  static final Duration CLAIM = Duration.ofMinutes(2);

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
  @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "message_id")
  private Message message;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "channel_id")
  private Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OutboxStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_by")
  private String claimedBy;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Version private long version;

  protected OutboxEntry() {}

  public OutboxEntry(Message message, Channel channel, Instant now) {
    this.message = message;
    this.channel = channel;
    this.status = OutboxStatus.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** Pending and due, or claimed by a server whose claim ran out (it died mid-way). */
  public boolean isDue(Instant now) {
    return (status == OutboxStatus.PENDING && !nextAttemptAt.isAfter(now))
        || (status == OutboxStatus.SENDING && claimedUntil != null && claimedUntil.isBefore(now));
  }

  /** Takes the entry for one sending attempt by {@code node}. */
  public void claim(String node, Instant now) {
    this.status = OutboxStatus.SENDING;
    this.claimedBy = node;
    this.claimedUntil = now.plus(CLAIM);
    this.attempts++;
  }

  public void sent(Instant now) {
    this.status = OutboxStatus.SENT;
    this.sentAt = now;
    this.lastError = null;
    this.claimedUntil = null;
  }

  /** A failure worth retrying (network, 5xx, 4xx SMTP): later, with a doubling delay. */
  public boolean retryLater(String error, Instant now) {
    this.lastError = truncate(error);
    this.claimedUntil = null;
    if (attempts >= MAX_ATTEMPTS) {
      this.status = OutboxStatus.FAILED;
      return false;
    }
    this.status = OutboxStatus.PENDING;
    this.nextAttemptAt = now.plus(RETRY.delay(attempts - 1));
    return true;
  }

  /** A failure that retrying cannot fix (a rejected recipient, a 4xx from an API). */
  public void failed(String error) {
    this.status = OutboxStatus.FAILED;
    this.lastError = truncate(error);
    this.claimedUntil = null;
  }

  private static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() > 2000 ? error.substring(0, 2000) : error;
  }

  public Long getId() {
    return id;
  }

  public Message getMessage() {
    return message;
  }

  public Channel getChannel() {
    return channel;
  }

  public OutboxStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }
}
