package org.ventanilla.ticket;

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
 * A file that came with a message. The bytes live in the data dir (storagePath, relative to it); an
 * attachment over the size limit keeps its name and size with a note and no bytes.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
  @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "message_id")
  private Message message;

  @Column(nullable = false)
  private String filename;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  private String sha256;

  @Column(name = "storage_path")
  private String storagePath;

  private String note;

  /** A mail part's Content-ID without its angle brackets: the HTML shows it as {@code cid:...}. */
  @Column(name = "content_id")
  private String contentId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Attachment() {}

  public Attachment(
      Message message,
      String filename,
      String contentType,
      long size,
      String sha256,
      String storagePath,
      String note,
      Instant now) {
    this.message = message;
    this.filename = filename;
    this.contentType = contentType;
    this.size = size;
    this.sha256 = sha256;
    this.storagePath = storagePath;
    this.note = note;
    this.createdAt = now;
  }

  /** The same, for a mail part that its HTML shows inline by its Content-ID. */
  public Attachment(
      Message message,
      String filename,
      String contentType,
      long size,
      String sha256,
      String storagePath,
      String note,
      String contentId,
      Instant now) {
    this(message, filename, contentType, size, sha256, storagePath, note, now);
    this.contentId = bareContentId(contentId);
  }

  /** "<img1@gmail>" → "img1@gmail"; blank → null. */
  static String bareContentId(String contentId) {
    if (contentId == null) {
      return null;
    }
    String bare = contentId.strip();
    if (bare.startsWith("<") && bare.endsWith(">")) {
      bare = bare.substring(1, bare.length() - 1).strip();
    }
    return bare.isEmpty() || bare.length() > 1000 ? null : bare;
  }

  /** The bytes arrived after all (a channel fetched them again): stored, and the note goes. */
  public void downloaded(long sizeBytes, String sha256Hex, String path) {
    this.size = sizeBytes;
    this.sha256 = sha256Hex;
    this.storagePath = path;
    this.note = null;
  }

  /** Why the bytes are not (yet) here, for agents to see. */
  public void explain(String why) {
    this.note = why == null || why.length() <= 1000 ? why : why.substring(0, 1000);
  }

  public Long getId() {
    return id;
  }

  public Message getMessage() {
    return message;
  }

  public String getFilename() {
    return filename;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  public String getStoragePath() {
    return storagePath;
  }

  public String getNote() {
    return note;
  }

  public String getContentId() {
    return contentId;
  }
}
