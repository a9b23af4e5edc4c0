package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;

/**
 * What the hostile-input tests share: a signed-in browser session without a browser (cookies and
 * forms), waiting, and the check that the server is still well after an attack.
 */
final class HostileSupport {

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private HostileSupport() {}

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** The server still answers and still records work: info as admin, and a new ticket. */
  static void assertHealthy() {
    Api admin = Api.asAdmin();
    Api.Response info = admin.get("info");
    assertEquals(200, info.status(), info::toString);
    String subject = "Health " + unique();
    Api.Response created =
        admin.post(
            "tickets",
            """
            {"channel":"email","subject":"%s","text":"still here",
             "customer":{"name":"Health","email":"health-%s@example.com"}}"""
                .formatted(subject, unique()));
    assertEquals(201, created.status(), created::toString);
    assertEquals(subject, created.object().getString("subject"));
  }

  /** A new agent (role agent or admin) who can sign in at once. */
  static String newAgent(String role, String password) {
    String username = "hostile-" + role + "-" + unique() + "@example.com";
    Api.Response created =
        Api.asAdmin()
            .post(
                "agents",
                """
                {"displayName":"Hostile %s","email":"%s","role":"%s","password":"%s"}"""
                    .formatted(role, username, role, password));
    assertEquals(201, created.status(), created::toString);
    return username;
  }

  /** Every ticket (with messages) of the customer found by this exact contact. */
  static List<JsonObject> ticketsOf(String contact) {
    Api admin = Api.asAdmin();
    JsonArray found =
        admin
            .get("customers?q=" + URLEncoder.encode(contact, StandardCharsets.UTF_8))
            .object()
            .getJsonArray("items");
    if (found.isEmpty()) {
      return List.of();
    }
    return admin
        .get("customers/" + found.getJsonObject(0).getInt("id"))
        .object()
        .getJsonArray("tickets")
        .stream()
        .map(t -> admin.get("tickets/" + t.asJsonObject().getInt("id")).object())
        .toList();
  }

  /** An error answer as the API promises it: JSON, a code, a sentence, no stack trace. */
  static void assertCleanError(Api.Response response, int... allowed) {
    boolean expected = false;
    for (int status : allowed) {
      expected |= response.status() == status;
    }
    assertTrue(expected, () -> "unexpected status: " + response);
    JsonObject error = response.object();
    assertFalse(error.getString("error").isBlank(), response::toString);
    assertFalse(error.getString("message").isBlank(), response::toString);
    assertNoStackTrace(response.body());
  }

  static void assertNoStackTrace(String body) {
    assertFalse(
        body.contains("Exception") || body.contains("\tat ") || body.contains("at org."),
        () -> "a stack trace or exception reached the client: " + body);
  }

  // ---- WhatsApp, as Meta delivers it ----

  static WhatsAppNumber newNumber(String apiBaseUrl) {
    return CloudApiStandIn.newNumber(Api.asAdmin(), apiBaseUrl, "Hostil", "hostile-secret-");
  }

  static String newWaId() {
    return "346" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  static String wamid() {
    return "wamid.HOSTILE" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  /** One change with one message from one customer; {@code message} is the message's JSON. */
  static String payload(WhatsAppNumber number, String waId, String profileName, String message) {
    return """
        {"object":"whatsapp_business_account","entry":[{"id":"1029","changes":[{"value":{
         "messaging_product":"whatsapp",
         "metadata":{"display_phone_number":"34910000001","phone_number_id":"%s"},
         "contacts":[{"profile":{"name":%s},"wa_id":"%s"}],
         "messages":[%s]},"field":"messages"}]}]}"""
        .formatted(number.phoneNumberId(), jsonString(profileName), waId, message);
  }

  static String textMessage(String waId, String wamid, String text) {
    return """
        {"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":%s}}"""
        .formatted(waId, wamid, Instant.now().getEpochSecond(), jsonString(text));
  }

  static String jsonString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // ---- a signed-in browser session, without a browser ----

  /** Cookies, the login form and Faces forms, as a browser would send them. */
  static final class WebSession {

    private static final Pattern VIEW_STATE =
        Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Signs in through the container's login form; the session cookie stays in this client. */
    static WebSession signIn(String username, String password) {
      WebSession session = new WebSession();
      HttpResponse<String> login = session.get("index.xhtml");
      assertTrue(login.body().contains("j_security_check"), "the login form is shown");
      HttpResponse<String> signedIn =
          session.post(
              "j_security_check",
              form(Map.of("j_username", username, "j_password", password)),
              Map.of());
      assertEquals(302, signedIn.statusCode(), signedIn::body);
      HttpResponse<String> inbox = session.get("index.xhtml");
      assertEquals(200, inbox.statusCode());
      assertTrue(inbox.body().contains("id=\"current-user\">" + username + "<"), "signed in");
      return session;
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(Api.baseUrl() + path)).GET());
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      headers.forEach(request::setHeader);
      return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return client.send(
            request.timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    static String viewState(String page) {
      Matcher m = VIEW_STATE.matcher(page);
      assertTrue(m.find(), "the page has a Faces form with a ViewState");
      return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    static String form(Map<String, String> fields) {
      return fields.entrySet().stream()
          .map(
              e ->
                  URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
    }

    /** The fields PrimeFaces posts when a command button inside {@code formId} is pressed. */
    static Map<String, String> ajaxPress(
        String formId, String button, String execute, Map<String, String> inputs) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("jakarta.faces.partial.ajax", "true");
      fields.put("jakarta.faces.source", button);
      fields.put("jakarta.faces.partial.execute", execute);
      fields.put("jakarta.faces.partial.render", "@form");
      fields.put(button, button);
      fields.put(formId, formId);
      fields.putAll(inputs);
      return fields;
    }
  }
}
