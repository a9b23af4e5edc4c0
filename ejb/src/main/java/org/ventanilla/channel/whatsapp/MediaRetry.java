package org.ventanilla.channel.whatsapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.ventanilla.channel.whatsapp.WebhookEvents.Media;
import org.ventanilla.common.Backoff;

/**
 * A customer's file that could not be fetched when its message arrived: the message and an
 * attachment with a note are stored at once, and the download is tried again later, with a doubling
 * delay, until it works or is given up.
 */
@Entity
@Table(name = "whatsapp_media_retry")
public class MediaRetry {

  static final int MAX_ATTEMPTS = 10;
  static final Duration FIRST_DELAY = Duration.ofSeconds(5);
  static final Backoff RETRY = new Backoff(FIRST_DELAY, FIRST_DELAY.multipliedBy(1L << 12));

  @Id
  @Column(name = "attachment_id")
  private Long attachmentId;

  @Column(name = "channel_id", nullable = false)
  private Long channelId;

  @Column(name = "media_id", nullable = false)
  private String mediaId;

  @Column(name = "message_type", nullable = false)
  private String messageType;

  @Column(name = "mime_type")
  private String mimeType;

  private String sha256;

  private String filename;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Version private long version;

  protected MediaRetry() {}

  public MediaRetry(long attachmentId, long channelId, String type, Media media, Instant now) {
    this.attachmentId = attachmentId;
    this.channelId = channelId;
    this.mediaId = media.id();
    this.messageType = type;
    this.mimeType = media.mimeType();
    this.sha256 = media.sha256();
    this.filename = media.filename();
    this.nextAttemptAt = now.plus(FIRST_DELAY);
  }

  /** Another failure: later again, or false when it is time to give up. */
  public boolean failedAgain(Instant now) {
    attempts++;
    if (attempts >= MAX_ATTEMPTS) {
      return false;
    }
    nextAttemptAt = now.plus(RETRY.delay(attempts));
    return true;
  }

  public Media media() {
    return new Media(mediaId, mimeType, sha256, filename);
  }

  public Long getAttachmentId() {
    return attachmentId;
  }

  public Long getChannelId() {
    return channelId;
  }

  public String getMessageType() {
    return messageType;
  }

  public int getAttempts() {
    return attempts;
  }
}
