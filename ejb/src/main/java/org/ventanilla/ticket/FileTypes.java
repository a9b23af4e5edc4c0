package org.ventanilla.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * A file's type read from its content (Tika's magic-byte detector), the name only breaking ties
 * where the bytes say nothing more specific (plain text, a zip that is a .docx). What the sender
 * declared is never trusted: a ".pdf" that is an executable is an executable.
 */
public final class FileTypes {

  private static final Detector DETECTOR = MimeTypes.getDefaultMimeTypes();

  private FileTypes() {}

  /** The detected type, e.g. {@code image/png}; {@code application/octet-stream} if unknown. */
  public static String detect(InputStream content, String filename) throws IOException {
    Metadata metadata = new Metadata();
    if (filename != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
    }
    InputStream marked =
        content.markSupported() ? content : new java.io.BufferedInputStream(content);
    MediaType type = DETECTOR.detect(marked, metadata);
    return type.getBaseType().toString().toLowerCase(Locale.ROOT);
  }

  public static String detect(byte[] content, String filename) {
    try {
      return detect(new java.io.ByteArrayInputStream(content), filename);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
