import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays Meta's WhatsApp Cloud API on loopback so Ventanilla's WhatsApp channel can be tried without
 * a Meta account: it answers the messages endpoint and the Media API (printing what it receives),
 * and posts signed webhooks to Ventanilla from what you type. No dependencies:
 *
 * <pre>java server-config/whatsapp-sandbox/CloudApiSandbox.java</pre>
 *
 * Settings (environment): SANDBOX_PORT (8099), VENTANILLA_URL (http://127.0.0.1:8080),
 * PHONE_NUMBER_ID (100000000000001), APP_SECRET (sandbox-secret), ACCESS_TOKEN (sandbox-token),
 * WA_ID (34612345678), CUSTOMER_NAME (Lucía García).
 */
public class CloudApiSandbox {

  static final String PORT = env("SANDBOX_PORT", "8099");
  static final String APP = env("VENTANILLA_URL", "http://127.0.0.1:8080");
  static final String PHONE_NUMBER_ID = env("PHONE_NUMBER_ID", "100000000000001");
  static final String SECRET = env("APP_SECRET", "sandbox-secret");
  static final String TOKEN = env("ACCESS_TOKEN", "sandbox-token");
  static final String WA_ID = env("WA_ID", "34612345678");
  static final String NAME = env("CUSTOMER_NAME", "Lucía García");
  static final byte[] PICTURE = "a sandbox picture, pretend it is a JPEG".getBytes(StandardCharsets.UTF_8);
  static final AtomicInteger SENT = new AtomicInteger();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  public static void main(String[] args) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(PORT)), 0);
    server.createContext("/", CloudApiSandbox::cloudApi);
    server.start();
    System.out.printf(
        "Cloud API sandbox on http://127.0.0.1:%s (token %s). Create the channel with%n"
            + "  {\"type\":\"whatsapp\",\"name\":\"Sandbox\",\"phoneNumberId\":\"%s\",\"accessToken\":\"%s\","
            + "\"appSecret\":\"%s\",\"verifyToken\":\"sandbox-verify\",\"apiBaseUrl\":\"http://127.0.0.1:%s\",\"apiVersion\":\"v21.0\"}%n"
            + "Type a line to send it as %s (+%s); 'image' sends a picture; 'status WAMID read' reports a status; 'quit' ends.%n",
        PORT, TOKEN, PHONE_NUMBER_ID, TOKEN, SECRET, PORT, NAME, WA_ID);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
      if (line.isBlank()) {
        continue;
      }
      String message;
      String id = "wamid.SANDBOX" + UUID.randomUUID().toString().replace("-", "");
      long now = Instant.now().getEpochSecond();
      if (line.equals("image")) {
        message = "{\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":\"%d\",\"type\":\"image\",\"image\":{\"caption\":\"Foto\",\"mime_type\":\"image/jpeg\",\"sha256\":\"%s\",\"id\":\"555\"}}"
            .formatted(WA_ID, id, now, sha256(PICTURE));
        post(payload("\"contacts\":[{\"profile\":{\"name\":\"" + NAME + "\"},\"wa_id\":\"" + WA_ID + "\"}],\"messages\":[" + message + "]"));
      } else if (line.startsWith("status ")) {
        String[] parts = line.split("\\s+");
        post(payload("\"statuses\":[{\"id\":\"%s\",\"status\":\"%s\",\"timestamp\":\"%d\",\"recipient_id\":\"%s\"}]"
            .formatted(parts[1], parts.length > 2 ? parts[2] : "delivered", now, WA_ID)));
      } else {
        message = "{\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":\"%d\",\"type\":\"text\",\"text\":{\"body\":\"%s\"}}"
            .formatted(WA_ID, id, now, line.replace("\\", "\\\\").replace("\"", "\\\""));
        post(payload("\"contacts\":[{\"profile\":{\"name\":\"" + NAME + "\"},\"wa_id\":\"" + WA_ID + "\"}],\"messages\":[" + message + "]"));
      }
    }
    server.stop(0);
  }

  static String payload(String content) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"0\",\"changes\":[{\"value\":{"
        + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"34910000000\","
        + "\"phone_number_id\":\"" + PHONE_NUMBER_ID + "\"}," + content + "},\"field\":\"messages\"}]}]}";
  }

  /** Signs the exact bytes it sends, as Meta does. */
  static void post(String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(APP + "/api/v1/webhooks/whatsapp"))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long start = System.nanoTime();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    System.out.printf("webhook -> %d %s (%d ms)%n", response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
  }

  static void cloudApi(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      System.out.printf("cloud api <- %s %s %s%n", exchange.getRequestMethod(), path, body);
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(exchange, 401, "{\"error\":{\"message\":\"Invalid OAuth access token\",\"type\":\"OAuthException\",\"code\":190}}".getBytes(StandardCharsets.UTF_8), "application/json");
      } else if (path.endsWith("/messages")) {
        String wamid = "wamid.SANDBOXOUT" + SENT.incrementAndGet();
        System.out.println("  answered " + wamid + " (type 'status " + wamid + " read' to report it read)");
        send(exchange, 200, ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + WA_ID + "\",\"wa_id\":\"" + WA_ID
            + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}").getBytes(StandardCharsets.UTF_8), "application/json");
      } else if (path.startsWith("/files/")) {
        send(exchange, 200, PICTURE, "image/jpeg");
      } else {
        send(exchange, 200, ("{\"messaging_product\":\"whatsapp\",\"url\":\"http://127.0.0.1:" + PORT + "/files/555\",\"mime_type\":\"image/jpeg\",\"sha256\":\""
            + sha256(PICTURE) + "\",\"file_size\":" + PICTURE.length + ",\"id\":\"555\"}").getBytes(StandardCharsets.UTF_8), "application/json");
      }
    }
  }

  static void send(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
