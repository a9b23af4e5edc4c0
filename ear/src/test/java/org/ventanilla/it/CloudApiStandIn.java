package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Plays Meta's Cloud API on 127.0.0.1 (a free port) for the tests: the messages endpoint answers
 * like the real one (or as scripted: a 503, a 131047), the Media API hands out URLs to files it
 * holds, and every request is recorded.
 */
public final class CloudApiStandIn implements AutoCloseable, AfterAllCallback {

  public static final String TOKEN = "EAAG-test-token";

  /**
   * A WhatsApp number of a test's own: its channel id, phone number id, app secret, verify token.
   */
  public record WhatsAppNumber(long id, String phoneNumberId, String secret, String verifyToken) {}

  /**
   * A WhatsApp channel created through the API for a fresh random number, its Cloud API at {@code
   * apiBaseUrl}; the app secret is {@code secretPrefix} and the number.
   */
  public static WhatsAppNumber newNumber(
      Api admin, String apiBaseUrl, String name, String secretPrefix) {
    String phoneNumberId = String.valueOf(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
    String secret = secretPrefix + phoneNumberId;
    String verify = "verify-" + phoneNumberId;
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"whatsapp","name":"%s %s","phoneNumberId":"%s","displayPhoneNumber":"+34 910 000 000",
             "accessToken":"%s","appSecret":"%s","verifyToken":"%s",
             "apiBaseUrl":"%s","apiVersion":"v21.0"}"""
                .formatted(name, phoneNumberId, phoneNumberId, TOKEN, secret, verify, apiBaseUrl));
    assertEquals(201, created.status(), created::toString);
    return new WhatsAppNumber(
        created.object().getJsonNumber("id").longValue(), phoneNumberId, secret, verify);
  }

  /** One request as the stand-in saw it, and the status it answered. */
  public record Recorded(
      String method, String path, String authorization, String body, int status) {}

  /** A canned answer. */
  public record Answer(int status, String body) {}

  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, byte[]> media = new ConcurrentHashMap<>();
  private final Map<String, String> mediaTypes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> mediaFailures = new ConcurrentHashMap<>();
  private final Map<String, String> wrongHashes = new ConcurrentHashMap<>();
  private final AtomicInteger wamids = new AtomicInteger();

  /** Ids unique across stand-ins: test classes share one database, and wamids are unique there. */
  private final String idTag =
      Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40), 36);

  private final Map<String, Answer> outages = new ConcurrentHashMap<>();
  private final Map<String, List<String>> accountTemplates = new ConcurrentHashMap<>();
  private volatile int templatePageSize = 2;

  /**
   * A stand-in for one test class, started as the class loads and stopped after its tests:
   * {@code @RegisterExtension static final CloudApiStandIn cloud = CloudApiStandIn.perClass();}
   */
  public static CloudApiStandIn perClass() {
    try {
      return new CloudApiStandIn();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  public CloudApiStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next answers of the messages endpoint of {@code phoneNumberId}, in order. */
  void script(String phoneNumberId, Answer... answers) {
    scripts.computeIfAbsent(phoneNumberId, k -> new ArrayDeque<>()).addAll(List.of(answers));
  }

  /** Until {@link #recover}, the messages endpoint of {@code phoneNumberId} answers only this. */
  public void outage(String phoneNumberId, Answer answer) {
    outages.put(phoneNumberId, answer);
  }

  public void recover(String phoneNumberId) {
    outages.remove(phoneNumberId);
  }

  void addMedia(String id, byte[] bytes, String mimeType) {
    media.put(id, bytes);
    mediaTypes.put(id, mimeType);
  }

  /** The Media API answers 500 for this id, {@code times} times (always, for a large number). */
  void failMedia(String id, int times) {
    mediaFailures.put(id, new AtomicInteger(times));
  }

  /** The Media API announces a hash that the file does not have. */
  void announceWrongHash(String id) {
    wrongHashes.put(id, "0".repeat(64));
  }

  /**
   * The templates (Meta's JSON objects) that {@code GET /{wabaId}/message_templates} lists, {@link
   * #templatePageSize} a page, with Meta's {@code paging.cursors} and {@code next}.
   */
  void accountTemplates(String wabaId, String... templates) {
    accountTemplates.put(wabaId, List.of(templates));
  }

  void templatePageSize(int size) {
    templatePageSize = size;
  }

  public List<Recorded> requests(String pathPart) {
    return requests.stream().filter(r -> r.path().contains(pathPart)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      String method = exchange.getRequestMethod();
      if (!("Bearer " + TOKEN).equals(auth)) {
        requests.add(new Recorded(method, path, auth, body, 401));
        send(exchange, 401, error(190, "Invalid OAuth access token"));
        return;
      }
      String[] parts = path.split("/");
      if (path.startsWith("/files/")) {
        byte[] bytes = media.get(parts[2]);
        requests.add(new Recorded(method, path, auth, body, bytes == null ? 404 : 200));
        if (bytes == null) {
          send(exchange, 404, "{}");
        } else {
          exchange.getResponseHeaders().add("Content-Type", mediaTypes.get(parts[2]));
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        }
      } else if (parts.length == 4 && "messages".equals(parts[3]) && "POST".equals(method)) {
        Deque<Answer> script = scripts.get(parts[2]);
        Answer answer = outages.get(parts[2]);
        if (answer == null && script != null) {
          answer = script.poll();
        }
        if (answer == null && body.contains("\"status\":\"read\"")) {
          // A read receipt (with or without the typing indicator): Meta answers success only.
          answer = new Answer(200, "{\"success\":true}");
        }
        if (answer == null) {
          // Meta's answer names the contact as addressed: by phone (wa_id) or by BSUID (user_id).
          String contact =
              body.contains("\"to\":")
                  ? "\"input\":\"%1$s\",\"wa_id\":\"%1$s\""
                      .formatted(body.replaceAll("(?s).*\"to\":\"(\\d+)\".*", "$1"))
                  : "\"input\":\"%1$s\",\"user_id\":\"%1$s\""
                      .formatted(body.replaceAll("(?s).*\"recipient\":\"([^\"]+)\".*", "$1"));
          answer =
              new Answer(
                  200,
                  "{\"messaging_product\":\"whatsapp\",\"contacts\":[{%s}],\"messages\":[{\"id\":\"wamid.STANDIN%s%d\"}]}"
                      .formatted(contact, idTag, wamids.incrementAndGet()));
        }
        requests.add(new Recorded(method, path, auth, body, answer.status()));
        send(exchange, answer.status(), answer.body());
      } else if (parts.length == 4 && "media".equals(parts[3]) && "POST".equals(method)) {
        // Media upload (multipart: messaging_product, type, file): answers the new media's id.
        int status =
            body.contains("name=\"messaging_product\"") && body.contains("name=\"file\"")
                ? 200
                : 400;
        requests.add(new Recorded(method, path, auth, body, status));
        send(
            exchange,
            status,
            status == 200
                ? "{\"id\":\"MEDIA%s%d\"}".formatted(idTag, wamids.incrementAndGet())
                : error(100, "messaging_product and file are required"));
      } else if (parts.length == 4
          && "message_templates".equals(parts[3])
          && "GET".equals(method)) {
        List<String> all = accountTemplates.getOrDefault(parts[2], List.of());
        String query = exchange.getRequestURI().getRawQuery();
        int from = 0;
        if (query != null) {
          for (String pair : query.split("&")) {
            if (pair.startsWith("after=")) {
              from =
                  Integer.parseInt(
                      new String(
                              java.util.Base64.getDecoder()
                                  .decode(
                                      java.net.URLDecoder.decode(
                                          pair.substring(6), StandardCharsets.UTF_8)),
                              StandardCharsets.UTF_8)
                          .replace("cursor-", ""));
            }
          }
        }
        int to = Math.min(all.size(), from + templatePageSize);
        String before = cursor(from);
        String after = cursor(to);
        String next =
            to < all.size()
                ? ",\"next\":\"https://graph.facebook.com/v21.0/%s/message_templates?limit=%d&after=%s\""
                    .formatted(parts[2], templatePageSize, after)
                : "";
        requests.add(
            new Recorded(method, path + (query == null ? "" : "?" + query), auth, body, 200));
        send(
            exchange,
            200,
            "{\"data\":[%s],\"paging\":{\"cursors\":{\"before\":\"%s\",\"after\":\"%s\"}%s}}"
                .formatted(String.join(",", all.subList(from, to)), before, after, next));
      } else if (parts.length == 3 && "GET".equals(method)) {
        String id = parts[2];
        AtomicInteger failures = mediaFailures.get(id);
        if (failures != null && failures.getAndDecrement() > 0) {
          requests.add(new Recorded(method, path, auth, body, 500));
          send(exchange, 500, error(131016, "Service unavailable"));
          return;
        }
        byte[] bytes = media.get(id);
        if (bytes == null) {
          requests.add(new Recorded(method, path, auth, body, 404));
          send(exchange, 404, error(100, "Unknown media"));
          return;
        }
        requests.add(new Recorded(method, path, auth, body, 200));
        send(
            exchange,
            200,
            "{\"messaging_product\":\"whatsapp\",\"url\":\"%s/files/%s\",\"mime_type\":\"%s\",\"sha256\":\"%s\",\"file_size\":%d,\"id\":\"%s\"}"
                .formatted(
                    baseUrl(),
                    id,
                    mediaTypes.get(id),
                    wrongHashes.getOrDefault(id, sha256(bytes)),
                    bytes.length,
                    id));
      } else {
        requests.add(new Recorded(method, path, auth, body, 404));
        send(exchange, 404, error(100, "Unknown path " + path));
      }
    }
  }

  private static String cursor(int position) {
    return java.util.Base64.getEncoder()
        .encodeToString(("cursor-" + position).getBytes(StandardCharsets.UTF_8));
  }

  public static String error(int code, String message) {
    return "{\"error\":{\"message\":\"(#%d) %s\",\"type\":\"OAuthException\",\"code\":%d,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"%s\"},\"fbtrace_id\":\"AbCdEf\"}}"
        .formatted(code, message, code, message);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
