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
 * WA_ID (34612345678), CUSTOMER_NAME (Lucía García), WABA_ID (100000000000002), USER_ID
 * (US.13491208655302741918, the customer's business-scoped user id), USERNAME (@lucia).
 *
 * <p>It also lists two templates of the account ({@code GET /{WABA_ID}/message_templates}, one per
 * page so the paging is exercised), prints read receipts and typing indicators (calls with {@code
 * "status":"read"}), interactive messages and uploads, and answers uploads with a media id.
 */
public class CloudApiSandbox {

  static final String PORT = env("SANDBOX_PORT", "8099");
  static final String APP = env("VENTANILLA_URL", "http://127.0.0.1:8080");
  static final String PHONE_NUMBER_ID = env("PHONE_NUMBER_ID", "100000000000001");
  static final String SECRET = env("APP_SECRET", "sandbox-secret");
  static final String TOKEN = env("ACCESS_TOKEN", "sandbox-token");
  static final String WA_ID = env("WA_ID", "34612345678");
  static final String NAME = env("CUSTOMER_NAME", "Lucía García");
  static final String WABA_ID = env("WABA_ID", "100000000000002");
  static final String USER_ID = env("USER_ID", "US.13491208655302741918");
  static final String USERNAME = env("USERNAME", "@lucia");
  /** The account's templates, as Meta lists them: an approved one with buttons, a pending one. */
  static final String[] TEMPLATES = {
    "{\"name\":\"order_update\",\"parameter_format\":\"POSITIONAL\",\"components\":["
        + "{\"type\":\"HEADER\",\"format\":\"IMAGE\",\"example\":{\"header_handle\":[\"4::aW1h\"]}},"
        + "{\"type\":\"BODY\",\"text\":\"Hola {{1}}, tu pedido {{2}} está en camino.\",\"example\":{\"body_text\":[[\"Lucía\",\"A-17\"]]}},"
        + "{\"type\":\"FOOTER\",\"text\":\"Tienda\"},"
        + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"URL\",\"text\":\"Ver pedido\",\"url\":\"https://shop.example/o/{{1}}\"},"
        + "{\"type\":\"QUICK_REPLY\",\"text\":\"Hablar con alguien\"}]}],"
        + "\"language\":\"es\",\"status\":\"APPROVED\",\"category\":\"UTILITY\",\"id\":\"9001\"}",
    "{\"name\":\"promo_dic\",\"components\":[{\"type\":\"BODY\",\"text\":\"Ofertas de diciembre\"}],"
        + "\"language\":\"es\",\"status\":\"PENDING\",\"category\":\"MARKETING\",\"id\":\"9002\"}"
  };
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
            + "\"appSecret\":\"%s\",\"verifyToken\":\"sandbox-verify\",\"apiBaseUrl\":\"http://127.0.0.1:%s\",\"apiVersion\":\"v21.0\",\"wabaId\":\"%s\"}%n"
            + "Type a line to send it as %s (+%s); 'image' sends a picture; 'status WAMID read' reports a status%n"
            + "(with Meta's pricing object); 'user TEXT' writes with the BSUID only (no phone); 'button ID TITLE'%n"
            + "and 'row ID TITLE' answer buttons or a list; 'template NAME EVENT' (APPROVED, PAUSED...) and%n"
            + "'category NAME NEW' send the template webhooks; 'quit' ends.%n",
        PORT, TOKEN, PHONE_NUMBER_ID, TOKEN, SECRET, PORT, WABA_ID, NAME, WA_ID);
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
        post(payload("\"statuses\":[{\"id\":\"%s\",\"status\":\"%s\",\"timestamp\":\"%d\",\"recipient_id\":\"%s\","
            .formatted(parts[1], parts.length > 2 ? parts[2] : "delivered", now, WA_ID)
            + "\"pricing\":{\"billable\":false,\"pricing_model\":\"PMP\",\"category\":\"service\",\"type\":\"free_customer_service\"}}]"));
      } else if (line.startsWith("user ")) {
        message = "{\"from_user_id\":\"%s\",\"id\":\"%s\",\"timestamp\":\"%d\",\"type\":\"text\",\"text\":{\"body\":\"%s\"}}"
            .formatted(USER_ID, id, now, json(line.substring(5)));
        post(payload("\"contacts\":[{\"profile\":{\"name\":\"" + NAME + "\",\"username\":\"" + USERNAME + "\"},\"user_id\":\"" + USER_ID + "\"}],\"messages\":[" + message + "]"));
      } else if (line.startsWith("button ") || line.startsWith("row ")) {
        String[] parts = line.split("\\s+", 3);
        String kind = parts[0].equals("button") ? "button_reply" : "list_reply";
        message = "{\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":\"%d\",\"type\":\"interactive\",\"interactive\":{\"type\":\"%s\",\"%s\":{\"id\":\"%s\",\"title\":\"%s\"}}}"
            .formatted(WA_ID, id, now, kind, kind, json(parts[1]), json(parts.length > 2 ? parts[2] : parts[1]));
        post(payload("\"contacts\":[{\"profile\":{\"name\":\"" + NAME + "\"},\"wa_id\":\"" + WA_ID + "\"}],\"messages\":[" + message + "]"));
      } else if (line.startsWith("template ") || line.startsWith("category ")) {
        String[] parts = line.split("\\s+");
        boolean status = parts[0].equals("template");
        String value = status
            ? "{\"event\":\"%s\",\"message_template_id\":9001,\"message_template_name\":\"%s\",\"message_template_language\":\"es\",\"reason\":\"NONE\"}"
                .formatted(parts.length > 2 ? parts[2] : "APPROVED", parts[1])
            : "{\"message_template_id\":9001,\"message_template_name\":\"%s\",\"message_template_language\":\"es\",\"previous_category\":\"UTILITY\",\"new_category\":\"%s\"}"
                .formatted(parts[1], parts.length > 2 ? parts[2] : "MARKETING");
        post("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + WABA_ID + "\",\"time\":" + now
            + ",\"changes\":[{\"field\":\"" + (status ? "message_template_status_update" : "template_category_update")
            + "\",\"value\":" + value + "}]}]}");
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
      } else if (path.endsWith("/message_templates")) {
        // One template a page: page 2 is asked for with the "after" cursor of page 1.
        String query = exchange.getRequestURI().getQuery();
        int at = query != null && query.contains("after=1") ? 1 : 0;
        String next = at + 1 < TEMPLATES.length
            ? ",\"next\":\"https://graph.facebook.com/v21.0/" + WABA_ID + "/message_templates?after=1\"" : "";
        send(exchange, 200, ("{\"data\":[" + TEMPLATES[at] + "],\"paging\":{\"cursors\":{\"before\":\"" + at
            + "\",\"after\":\"" + (at + 1) + "\"}" + next + "}}").getBytes(StandardCharsets.UTF_8), "application/json");
      } else if (path.endsWith("/messages") && body.contains("\"status\":\"read\"")) {
        System.out.println(body.contains("typing_indicator")
            ? "  the customer sees: typing… (and the message read)" : "  the customer sees: read (blue ticks)");
        send(exchange, 200, "{\"success\":true}".getBytes(StandardCharsets.UTF_8), "application/json");
      } else if (path.endsWith("/media") && "POST".equals(exchange.getRequestMethod())) {
        String media = "SANDBOXMEDIA" + SENT.incrementAndGet();
        System.out.println("  upload stored as media id " + media);
        send(exchange, 200, ("{\"id\":\"" + media + "\"}").getBytes(StandardCharsets.UTF_8), "application/json");
      } else if (path.endsWith("/messages")) {
        if (body.contains("\"type\":\"interactive\"")) {
          System.out.println("  interactive: answer with 'button ID TITLE' or 'row ID TITLE'");
        }
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

  static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
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
