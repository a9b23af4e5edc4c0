package org.ventanilla.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import org.ventanilla.platform.DataDirectory;

/**
 * Keeps attachment bytes in the data directory. Paths are made here (date folders, random names),
 * never from a name a sender chose, so no file name can reach outside the directory.
 */
@ApplicationScoped
public class AttachmentStore {

  @Inject DataDirectory dataDirectory;

  /** A file written to the store: where (relative to the data dir), its digest and size. */
  public record StoredFile(String path, String sha256, long size) {}

  public StoredFile store(byte[] content) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String relative =
        "attachments/%d/%02d/%02d/%s.bin"
            .formatted(
                today.getYear(), today.getMonthValue(), today.getDayOfMonth(), UUID.randomUUID());
    Path target = resolve(relative);
    try {
      // Customers' files are the server user's alone: folders 700, files 600.
      dataDirectory.createDirectories(target.getParent());
      dataDirectory.writeNew(target, content);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store an attachment in " + target.getParent(), e);
    }
    return new StoredFile(relative, sha256(content), content.length);
  }

  /**
   * Streams {@code content} into the store, at most {@code maxBytes}: a longer stream is refused
   * (and what was written deleted) with a {@link org.ventanilla.common.ContentTooLargeException}.
   */
  public StoredFile store(InputStream content, long maxBytes) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String relative =
        "attachments/%d/%02d/%02d/%s.bin"
            .formatted(
                today.getYear(), today.getMonthValue(), today.getDayOfMonth(), UUID.randomUUID());
    Path target = resolve(relative);
    MessageDigest digest = sha256Digest();
    long size = 0;
    try {
      dataDirectory.createDirectories(target.getParent());
      try (OutputStream out = dataDirectory.openNew(target)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = content.read(buffer)) > 0; ) {
          size += n;
          if (size > maxBytes) {
            break;
          }
          digest.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      if (size > maxBytes) {
        Files.deleteIfExists(target);
        throw new org.ventanilla.common.ContentTooLargeException(
            "file_too_large", "A file may be at most " + megabytes(maxBytes) + " MB");
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException ignored) {
        // the cleanup finds nothing to keep it: the file has no row
      }
      throw new UncheckedIOException("Cannot store an upload in " + target.getParent(), e);
    }
    return new StoredFile(relative, HexFormat.of().formatHex(digest.digest()), size);
  }

  /** Deletes a stored file; gone already is fine. */
  public void delete(String relative) throws IOException {
    Files.deleteIfExists(resolve(relative));
  }

  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0
        ? String.valueOf(bytes / (1024 * 1024))
        : String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024));
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file behind a stored path; refuses anything that would leave the data directory. */
  public Path resolve(String relative) {
    Path root = dataDirectory.root();
    Path path = root.resolve(relative).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Not a path in the data directory: " + relative);
    }
    return path;
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A file name safe to show and to offer for download: no paths, no control characters, and no
   * bidirectional overrides (U+202E makes "evil[U+202E]fdp.exe" read as "evilexe.pdf").
   */
  public static String safeFilename(String name) {
    if (name == null || name.isBlank()) {
      return "attachment";
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    base = base.replaceAll("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069\"<>|:*?]", "_").strip();
    if (base.isEmpty() || base.equals(".") || base.equals("..")) {
      return "attachment";
    }
    return base.length() > 200 ? base.substring(base.length() - 200) : base;
  }
}
