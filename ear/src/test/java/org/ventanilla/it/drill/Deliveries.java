package org.ventanilla.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ventanilla.it.Api;
import org.ventanilla.it.CloudApiStandIn;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;

/**
 * What the outside world sends in the drills: Meta's signed webhook deliveries to a server, and
 * customers' mails. Also makes the channels they arrive on.
 */
final class Deliveries {

  /** No answer at all: the server was killed, or refused the connection. */
  static final int NO_ANSWER = -1;

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Deliveries() {}

  /** A WhatsApp number through the API, whose Cloud API is at {@code apiBaseUrl}. */
  static WhatsAppNumber newNumber(Api admin, String apiBaseUrl) {
    return CloudApiStandIn.newNumber(admin, apiBaseUrl, "Drill", "drill-secret-");
  }

  /** A mailbox through the API: IMAP and SMTP on loopback, polled every {@code pollSeconds}. */
  static long newMailbox(Api admin, String address, int imapPort, int smtpPort, int pollSeconds) {
    Api.Response created =
        admin.post(
            "channels",
            """
            {"type":"email","name":"Drill %s","address":"%s","pollSeconds":%d,
             "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"drill-secret","folder":"INBOX"},
             "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                .formatted(address, address, pollSeconds, imapPort, address, smtpPort));
    assertEquals(201, created.status(), created::toString);
    return created.object().getJsonNumber("id").longValue();
  }

  static String newWaId() {
    return "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  static String newWamid() {
    return "wamid.DRILL" + UUID.randomUUID().toString().replace("-", "");
  }

  /** One customer text message to the number, as Meta delivers it: one message per delivery. */
  static String textMessage(
      WhatsAppNumber number,
      String waId,
      String name,
      String wamid,
      long epochSeconds,
      String text) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{
         "messaging_product":"whatsapp",
         "metadata":{"display_phone_number":"34910000000","phone_number_id":"%s"},
         "contacts":[{"profile":{"name":"%s"},"wa_id":"%s"}],
         "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]},
         "field":"messages"}]}]}"""
        .formatted(number.phoneNumberId(), name, waId, waId, wamid, epochSeconds, text);
  }

  /**
   * Posts a delivery signed with the number's app secret to {@code server}, as Meta does.
   *
   * @return the HTTP status, or {@link #NO_ANSWER}
   */
  static int post(String serverBaseUrl, WhatsAppNumber number, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(serverBaseUrl + "api/v1/webhooks/whatsapp"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", sign(body, number.secret()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return NO_ANSWER;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return NO_ANSWER;
    }
  }

  /** HMAC-SHA256 computed here, independently of the application's own code. */
  static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String newMessageId() {
    return "<" + UUID.randomUUID() + "@customer.example.org>";
  }

  /** A plain customer mail. */
  static String mail(String messageId, String from, String to, String subject, String body) {
    return "Message-ID: "
        + messageId
        + "\nFrom: "
        + from
        + "\nTo: "
        + to
        + "\nSubject: "
        + subject
        + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\n"
        + body
        + "\n";
  }
}
