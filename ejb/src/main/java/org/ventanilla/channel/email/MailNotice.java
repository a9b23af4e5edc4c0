package org.ventanilla.channel.email;

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
 * A machine's mail that concerns nothing we have: a bounce matching none of our replies, or an
 * auto-reply answering nothing of ours. Kept on the channel for admins (with its raw source), never
 * as a ticket and never in quarantine, which is for mail that cannot be read.
 */
@Entity
@Table(name = "mail_notice")
public class MailNotice {

  /** What the machine sent. */
  public enum Kind {
    BOUNCE,
    AUTO_REPLY
  }

  static final int MAX_TEXT = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_notice_seq")
  @SequenceGenerator(
      name = "mail_notice_seq",
      sequenceName = "mail_notice_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "channel_id")
  private EmailChannel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(name = "sender_address")
  private String senderAddress;

  private String subject;

  private String recipient;

  private String reason;

  @Column(name = "original_message_id")
  private String originalMessageId;

  @Column(name = "message_id")
  private String messageId;

  @Column(name = "raw_path")
  private String rawPath;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  protected MailNotice() {}

  MailNotice(
      EmailChannel channel,
      Kind kind,
      ParsedMail mail,
      String rawPath,
      long size,
      String sha256,
      Instant now) {
    this.channel = channel;
    this.kind = kind;
    this.senderAddress = cut(mail.fromAddress(), 500);
    this.subject = cut(mail.subject(), MAX_TEXT);
    this.messageId = cut(mail.messageId(), 500);
    if (mail.bounce() != null) {
      this.recipient = cut(mail.bounce().recipient(), 500);
      this.reason = cut(mail.bounce().reason(), 2000);
      this.originalMessageId = cut(mail.bounce().originalMessageId(), 500);
    }
    this.rawPath = rawPath;
    this.size = size;
    this.sha256 = sha256;
    this.receivedAt = now;
  }

  private static String cut(String value, int max) {
    if (value == null) {
      return null;
    }
    String line = value.replaceAll("\\p{Cntrl}+", " ").strip();
    return line.length() > max ? line.substring(0, max) : line;
  }

  public Long getId() {
    return id;
  }

  public EmailChannel getChannel() {
    return channel;
  }

  public Kind getKind() {
    return kind;
  }

  public String getSenderAddress() {
    return senderAddress;
  }

  public String getSubject() {
    return subject;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getReason() {
    return reason;
  }

  public String getOriginalMessageId() {
    return originalMessageId;
  }

  public String getMessageId() {
    return messageId;
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
}
