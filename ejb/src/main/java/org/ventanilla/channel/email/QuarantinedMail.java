package org.ventanilla.channel.email;

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

/**
 * A mail that could not be read. Its raw source stays in the data directory so an admin can look at
 * it and process it again once the cause is fixed; it never blocks the mails after it.
 */
@Entity
@Table(name = "quarantined_mail")
public class QuarantinedMail {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "quarantined_mail_seq")
  @SequenceGenerator(
      name = "quarantined_mail_seq",
      sequenceName = "quarantined_mail_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "channel_id")
  private EmailChannel channel;

  @Column(name = "imap_uid")
  private Long imapUid;

  @Column(nullable = false)
  private String reason;

  @Column(name = "raw_path", nullable = false)
  private String rawPath;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  private String resolution;

  protected QuarantinedMail() {}

  public QuarantinedMail(
      EmailChannel channel,
      Long imapUid,
      String reason,
      String rawPath,
      long size,
      String sha256,
      Instant now) {
    this.channel = channel;
    this.imapUid = imapUid;
    this.reason = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    this.rawPath = rawPath;
    this.size = size;
    this.sha256 = sha256;
    this.receivedAt = now;
  }

  public void resolve(String how, Instant now) {
    this.resolvedAt = now;
    this.resolution = how;
  }

  public Long getId() {
    return id;
  }

  public EmailChannel getChannel() {
    return channel;
  }

  public Long getImapUid() {
    return imapUid;
  }

  public String getReason() {
    return reason;
  }

  public String getRawPath() {
    return rawPath;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public String getResolution() {
    return resolution;
  }
}
