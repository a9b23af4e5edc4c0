package org.ventanilla.channel.whatsapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.ventanilla.common.Backoff;

/**
 * A webhook delivery exactly as Meta signed it, stored before Meta gets its 200: processing happens
 * afterwards and may be retried, so a crash in between loses nothing.
 */
@Entity
@Table(name = "webhook_payload")
public class WebhookPayload {

  static final int MAX_ATTEMPTS = 8;
  static final Backoff RETRY = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5L << 12));

  /** Where a payload stands. */
  public enum Status {
    RECEIVED,
    PROCESSED,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_payload_seq")
  @SequenceGenerator(
      name = "webhook_payload_seq",
      sequenceName = "webhook_payload_seq",
      allocationSize = 500)
  private Long id;

  /** The channel whose app secret verified the signature. */
  @Column(name = "channel_id", nullable = false)
  private Long channelId;

  @Column(nullable = false)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "processed_at")
  private Instant processedAt;

  @Version private long version;

  protected WebhookPayload() {}

  public WebhookPayload(long channelId, String body, Instant now) {
    this.channelId = channelId;
    this.body = body;
    this.status = Status.RECEIVED;
    this.nextAttemptAt = now;
    this.receivedAt = now;
  }

  public void processed(Instant now) {
    this.status = Status.PROCESSED;
    this.processedAt = now;
    this.lastError = null;
  }

  /** Processing failed: again later with a doubling delay, until it is given up and kept. */
  public void failed(String error, Instant now) {
    this.attempts++;
    this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
    if (attempts >= MAX_ATTEMPTS) {
      this.status = Status.FAILED;
    } else {
      this.nextAttemptAt = now.plus(RETRY.delay(attempts));
    }
  }

  public Long getId() {
    return id;
  }

  public Long getChannelId() {
    return channelId;
  }

  public String getBody() {
    return body;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }
}
