package org.ventanilla.it;

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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;

/** Webhook deliveries as Meta sends them: a JSON body signed with the app secret, posted to us. */
final class MetaWebhooks {

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private MetaWebhooks() {}

  /** Meta's {@code X-Hub-Signature-256}, computed here, independently of the application's code. */
  static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A delivery with this signature (none when null), answered as it comes. */
  static HttpResponse<String> post(HttpRequest.BodyPublisher body, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Api.baseUrl() + "api/v1/webhooks/whatsapp"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(body);
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> post(byte[] body, String signature) {
    return post(HttpRequest.BodyPublishers.ofByteArray(body), signature);
  }

  static HttpResponse<String> postSigned(WhatsAppNumber number, byte[] body) {
    return post(body, sign(body, number.secret()));
  }

  /** A signed delivery that must be acknowledged (200: stored). */
  static HttpResponse<String> deliver(WhatsAppNumber number, String json) {
    HttpResponse<String> response = postSigned(number, json.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), response::body);
    return response;
  }
}
