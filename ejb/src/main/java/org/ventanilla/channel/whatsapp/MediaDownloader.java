package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ventanilla.channel.whatsapp.WebhookEvents.Media;
import org.ventanilla.platform.DataDirectory;
import org.ventanilla.ticket.AttachmentStore;

/**
 * Fetches a customer's file through the Media API (the id gives a short-lived URL, which is read
 * with the same bearer token) into the data directory, under a name we make up: nothing from the
 * payload becomes a path. The SHA-256 Meta announces must match the bytes.
 */
@ApplicationScoped
public class MediaDownloader {

  static final long MAX_BYTES = 100L * 1024 * 1024;
  private static final Map<String, String> EXTENSIONS =
      Map.ofEntries(
          Map.entry("image/jpeg", "jpg"),
          Map.entry("image/png", "png"),
          Map.entry("image/webp", "webp"),
          Map.entry("audio/ogg", "ogg"),
          Map.entry("audio/mpeg", "mp3"),
          Map.entry("audio/aac", "aac"),
          Map.entry("audio/mp4", "m4a"),
          Map.entry("video/mp4", "mp4"),
          Map.entry("video/3gpp", "3gp"),
          Map.entry("application/pdf", "pdf"),
          Map.entry("text/plain", "txt"));

  @Inject GraphApi api;
  @Inject DataDirectory data;

  /** A file safely stored: path relative to the data directory. */
  public record StoredFile(
      String relativePath, long size, String sha256, String contentType, String filename) {}

  public StoredFile download(GraphApi.Access access, String type, Media media)
      throws MediaDownloadException {
    if (media.id() == null || !media.id().matches("[A-Za-z0-9_.-]{1,200}")) {
      throw new MediaDownloadException("the message names no usable media id");
    }
    try {
      HttpResponse<String> meta = api.getJson(access.url(media.id()), access.token());
      if (meta.statusCode() != 200) {
        throw new MediaDownloadException(
            "Media API answered " + meta.statusCode() + " for media " + media.id());
      }
      JsonObject info;
      try (JsonReader reader = Json.createReader(new StringReader(meta.body()))) {
        info = reader.readObject();
      }
      String url = info.getString("url", null);
      if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
        throw new MediaDownloadException("Media API gave no URL for media " + media.id());
      }
      String contentType =
          firstNonNull(
              info.getString("mime_type", null), media.mimeType(), "application/octet-stream");
      String expected = firstNonNull(info.getString("sha256", null), media.sha256(), null);
      return store(api.download(url, access.token()), type, media, contentType, expected);
    } catch (IOException e) {
      throw new MediaDownloadException("Media download failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaDownloadException("Media download interrupted");
    } catch (RuntimeException e) {
      throw new MediaDownloadException("Unreadable Media API answer: " + e.getMessage());
    }
  }

  private StoredFile store(
      HttpResponse<InputStream> response,
      String type,
      Media media,
      String contentType,
      String expected)
      throws IOException, MediaDownloadException {
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new MediaDownloadException("Media URL answered " + response.statusCode());
      }
      String ext = EXTENSIONS.getOrDefault(baseType(contentType), "bin");
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      String relative =
          "attachments/whatsapp/%d/%02d/%s.%s"
              .formatted(today.getYear(), today.getMonthValue(), UUID.randomUUID(), ext);
      Path target = data.root().resolve(relative);
      data.createDirectories(target.getParent());
      // A temporary file is 600 from birth; the move keeps that.
      Path temp = Files.createTempFile(target.getParent(), "download-", ".part");
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long size = 0;
        try (OutputStream out = Files.newOutputStream(temp)) {
          byte[] buffer = new byte[64 * 1024];
          for (int n; (n = in.read(buffer)) > 0; ) {
            size += n;
            if (size > MAX_BYTES) {
              throw new MediaDownloadException("Media larger than " + MAX_BYTES + " bytes");
            }
            sha.update(buffer, 0, n);
            out.write(buffer, 0, n);
          }
        }
        byte[] digest = sha.digest();
        if (expected != null && !matches(digest, expected)) {
          throw new MediaDownloadException("SHA-256 of the downloaded media does not match");
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return new StoredFile(
            relative,
            size,
            HexFormat.of().formatHex(digest),
            contentType,
            displayName(media, type, ext));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Meta writes the hash in hex in some places and base64 in others. */
  static boolean matches(byte[] digest, String announced) {
    String value = announced.strip();
    byte[] given;
    try {
      given =
          value.matches("[0-9a-fA-F]{64}")
              ? HexFormat.of().parseHex(value.toLowerCase(Locale.ROOT))
              : Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(digest, given);
  }

  /**
   * What agents see as the name: the sender's file name made safe as a mail attachment's is, or one
   * we make.
   */
  static String displayName(Media media, String type, String ext) {
    String name = AttachmentStore.safeFilename(media.filename());
    return name.equals("attachment") ? type + "." + ext : name;
  }

  private static String baseType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** The file could not be fetched or was not what Meta announced. */
  public static class MediaDownloadException extends Exception {
    public MediaDownloadException(String message) {
      super(message);
    }
  }
}
