package org.ventanilla.channel;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.InvalidInputException;

/**
 * A way in for customers: one mailbox, one WhatsApp number. Each type keeps its settings in its own
 * subclass (and column group); all share a name and a health record that admins read.
 */
@Entity
@Table(name = "channel")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "type", discriminatorType = DiscriminatorType.STRING, length = 16)
public abstract class Channel {

  static final int MAX_ERROR = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "channel_seq")
  @SequenceGenerator(name = "channel_seq", sequenceName = "channel_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "last_checked_at")
  private Instant lastCheckedAt;

  @Column(name = "last_success_at")
  private Instant lastSuccessAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "last_error_at")
  private Instant lastErrorAt;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "received_count", nullable = false)
  private long receivedCount;

  protected Channel() {}

  protected Channel(String name, Instant now) {
    rename(name);
    this.active = true;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public abstract ChannelType getType();

  public final void rename(String newName) {
    if (newName == null || newName.isBlank()) {
      throw new InvalidInputException("name is required");
    }
    this.name = newName.strip();
  }

  public void activate(boolean on, Instant now) {
    this.active = on;
    this.updatedAt = now;
  }

  /**
   * Removes the channel from use: it stops receiving and sending and forgets its secrets; the row
   * stays for the tickets that came through it.
   */
  public void delete(Instant now) {
    this.active = false;
    this.deletedAt = now;
    this.updatedAt = now;
    forgetSecrets();
  }

  protected abstract void forgetSecrets();

  public boolean isDeleted() {
    return deletedAt != null;
  }

  protected void touch(Instant now) {
    this.updatedAt = now;
  }

  /** A check (a poll, a webhook) went through. */
  public void recordSuccess(Instant now) {
    this.lastCheckedAt = now;
    this.lastSuccessAt = now;
    this.consecutiveFailures = 0;
  }

  /** Counts messages as they are stored, one transaction each. */
  public void countReceived(int received) {
    this.receivedCount += received;
  }

  /** A check failed: kept for the admin to see; the error text never holds a secret. */
  public void recordFailure(Instant now, String error) {
    this.lastCheckedAt = now;
    this.lastErrorAt = now;
    this.lastError =
        error == null
            ? "unknown error"
            : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    this.consecutiveFailures++;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }

  public Instant getLastCheckedAt() {
    return lastCheckedAt;
  }

  public Instant getLastSuccessAt() {
    return lastSuccessAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getLastErrorAt() {
    return lastErrorAt;
  }

  public int getConsecutiveFailures() {
    return consecutiveFailures;
  }

  public long getReceivedCount() {
    return receivedCount;
  }
}
