package org.ventanilla.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file an agent uploaded for a reply or a note before sending it. The API knows it by its {@code
 * token} (random, so nobody can guess another agent's); only its owner (or an admin) may attach it.
 * Once a message carries it the upload is {@link #use used}; unused ones are deleted after a day
 * ({@link UploadCleanup}).
 */
@Entity
@Table(name = "upload")
public class Upload {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "upload_seq")
  @SequenceGenerator(name = "upload_seq", sequenceName = "upload_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true)
  private String token;

  @Column(nullable = false)
  private String owner;

  @Column(nullable = false)
  private String filename;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "storage_path", nullable = false)
  private String storagePath;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected Upload() {}

  Upload(
      String token,
      String owner,
      String filename,
      String contentType,
      AttachmentStore.StoredFile file,
      Instant now) {
    this.token = token;
    this.owner = owner;
    this.filename = AttachmentStore.safeFilename(filename);
    this.contentType = contentType;
    this.size = file.size();
    this.sha256 = file.sha256();
    this.storagePath = file.path();
    this.createdAt = now;
  }

  /** The message now carries the file: it stays with the message, never cleaned up. */
  Attachment use(Message message, Instant now) {
    this.usedAt = now;
    return message.attach(filename, contentType, size, sha256, storagePath, null, now);
  }

  public boolean isUsed() {
    return usedAt != null;
  }

  public boolean ownedBy(String username) {
    return owner.equals(username);
  }

  public String getToken() {
    return token;
  }

  public String getOwner() {
    return owner;
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

  public String getStoragePath() {
    return storagePath;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
