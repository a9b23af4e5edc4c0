package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ventanilla.channel.SendResult;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.ticket.FileFacts;

/**
 * Files out on WhatsApp: each one uploaded with {@code POST /{phone-number-id}/media} (multipart,
 * {@code messaging_product=whatsapp}), then sent as a media message by its id, the reply's text as
 * the caption of the first. What fits is Meta's rule per kind (image 5 MB jpeg/png; video 16 MB
 * mp4/3gpp; audio 16 MB; sticker webp 500 KB; anything else a document, 100 MB), checked before
 * anything is stored or sent.
 */
@ApplicationScoped
public class WhatsAppMedia {

  static final long MB = 1024L * 1024;

  /** A kind of media message and what it takes. */
  record Kind(String name, long maxBytes) {}

  private static final Map<String, Kind> BY_TYPE =
      Map.ofEntries(
          Map.entry("image/jpeg", new Kind("image", 5 * MB)),
          Map.entry("image/png", new Kind("image", 5 * MB)),
          Map.entry("video/mp4", new Kind("video", 16 * MB)),
          Map.entry("video/3gpp", new Kind("video", 16 * MB)),
          Map.entry("audio/aac", new Kind("audio", 16 * MB)),
          Map.entry("audio/amr", new Kind("audio", 16 * MB)),
          Map.entry("audio/mpeg", new Kind("audio", 16 * MB)),
          Map.entry("audio/mp4", new Kind("audio", 16 * MB)),
          Map.entry("audio/ogg", new Kind("audio", 16 * MB)),
          Map.entry("image/webp", new Kind("sticker", 500 * 1024)));

  private static final Kind DOCUMENT = new Kind("document", 100 * MB);

  /** A file a reply carries, read from the data dir at send time (each attempt). */
  public record File(String filename, String contentType, Path path) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(GraphApi.CONNECT_TIMEOUT).build();

  static Kind kindOf(String contentType) {
    return BY_TYPE.getOrDefault(
        contentType == null ? "" : contentType.toLowerCase(Locale.ROOT), DOCUMENT);
  }

  /** Refuses a file over Meta's limit for its kind, naming it. */
  public static void requireFits(List<FileFacts> files) {
    for (FileFacts file : files) {
      Kind kind = kindOf(file.contentType());
      if (file.size() > kind.maxBytes()) {
        throw new InvalidInputException(
            "file_too_large",
            "WhatsApp takes a "
                + kind.name()
                + " ("
                + file.contentType()
                + ") of at most "
                + (kind.maxBytes() >= MB
                    ? kind.maxBytes() / MB + " MB"
                    : kind.maxBytes() / 1024 + " KB")
                + "; "
                + file.filename()
                + " is larger");
      }
    }
  }

  /**
   * Uploads every file, then sends one media message per file to whoever {@code textJson} (the text
   * message the sender would have sent) is addressed to. Answers with the first message's id.
   */
  SendResult send(
      String mediaUrl,
      String messagesUrl,
      String token,
      String textJson,
      List<File> files,
      GraphApi api) {
    JsonObject text = read(textJson);
    String caption = text.getJsonObject("text").getString("body", "");
    try {
      List<String> ids = new java.util.ArrayList<>();
      for (File file : files) {
        HttpResponse<String> uploaded = upload(mediaUrl, token, file);
        if (uploaded.statusCode() < 200 || uploaded.statusCode() >= 300) {
          return WhatsAppSender.classify(uploaded.statusCode(), uploaded.body());
        }
        ids.add(read(uploaded.body()).getString("id"));
      }
      String first = null;
      for (int i = 0; i < files.size(); i++) {
        String json = mediaBody(text, files.get(i), ids.get(i), i == 0 ? caption : null);
        HttpResponse<String> response = api.postJson(messagesUrl, token, json);
        SendResult result = WhatsAppSender.classify(response.statusCode(), response.body());
        if (!(result instanceof SendResult.Sent sent)) {
          return result;
        }
        if (first == null) {
          first = sent.externalId();
        }
      }
      return new SendResult.Sent(first);
    } catch (IOException e) {
      return new SendResult.TryLater("WhatsApp API unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SendResult.TryLater("interrupted");
    } catch (RuntimeException e) {
      return new SendResult.TryLater("WhatsApp media upload answered unexpectedly: " + e);
    }
  }

  /** The text message's addressing (to or recipient), with the media instead of the text. */
  static String mediaBody(JsonObject text, File file, String mediaId, String caption) {
    JsonObjectBuilder message = Json.createObjectBuilder();
    text.forEach(
        (name, value) -> {
          if (!name.equals("type") && !name.equals("text")) {
            message.add(name, value);
          }
        });
    String kind = kindOf(file.contentType()).name();
    JsonObjectBuilder media = Json.createObjectBuilder().add("id", mediaId);
    if (caption != null && !caption.isBlank() && !kind.equals("audio") && !kind.equals("sticker")) {
      media.add("caption", caption);
    }
    if (kind.equals("document")) {
      media.add("filename", file.filename());
    }
    return message.add("type", kind).add(kind, media).build().toString();
  }

  private HttpResponse<String> upload(String url, String token, File file)
      throws IOException, InterruptedException {
    String boundary = "ventanilla" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, boundary, "messaging_product", "whatsapp");
    field(body, boundary, "type", file.contentType());
    String name = file.filename().replaceAll("[\"\\r\\n\\\\]", "_");
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: "
                + file.contentType()
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(file.path()));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(GraphApi.DOWNLOAD_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void field(ByteArrayOutputStream body, String boundary, String name, String value)
      throws IOException {
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\n\r\n"
                + value
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject read(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
