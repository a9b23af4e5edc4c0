package org.ventanilla.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The REST API of the server under test, as the admin, signed in once through the login form.
 *
 * <p>The API also takes HTTP Basic on every request, but then the realm checks the bcrypt hash
 * every time (about 80 ms of CPU on this machine, more than most lookups take): measured that way,
 * every figure would be the password check's. The login form signs the session in once and the API
 * honours the session (its filter only asks whether the request has a caller), as it does for the
 * browser's own calls.
 */
final class Client {

  private final HttpClient http;
  private final String base;
  private final String password;

  /** How many times this client signed in: concurrent requests that met a 401 sign in once. */
  private int sessions;

  Client(String base, String adminPassword) {
    this.base = base.endsWith("/") ? base : base + "/";
    this.password = adminPassword;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER))
            .build();
  }

  /** Posts the login form, unless another thread did since; a good password gets a redirect. */
  private synchronized void signIn(int seen) throws Exception {
    if (sessions != seen) {
      return;
    }
    String form =
        "j_username=admin&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 302
        || response.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException(
          "Signing in as admin failed (HTTP " + response.statusCode() + ")");
    }
    sessions++;
  }

  private synchronized int sessions() {
    return sessions;
  }

  JsonObject get(String path) throws Exception {
    return json(send(HttpRequest.newBuilder(URI.create(base + "api/v1/" + path)).GET()));
  }

  JsonArray getArray(String path) throws Exception {
    String body = send(HttpRequest.newBuilder(URI.create(base + "api/v1/" + path)).GET());
    return Json.createReader(new StringReader(body)).readArray();
  }

  JsonObject post(String path, String json) throws Exception {
    return json(
        send(
            HttpRequest.newBuilder(URI.create(base + "api/v1/" + path))
                .header("Content-Type", "application/json")
                // A write on a signed-in session must say it comes from the server's own pages.
                .header("Origin", base.substring(0, base.length() - 1))
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json))));
  }

  /** The HTTP status of a GET, whatever it is. */
  int status(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "api/v1/" + path))
            .header("Accept", "application/json")
            .timeout(Duration.ofMinutes(1))
            .GET()
            .build();
    int seen = sessions();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status == 401) {
      signIn(seen);
      status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
    return status;
  }

  /** Nanoseconds from sending the request to the last byte of a successful answer. */
  long timeGet(String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/v1/" + path)).GET();
    long start = System.nanoTime();
    send(request);
    return System.nanoTime() - start;
  }

  private String send(HttpRequest.Builder request) throws Exception {
    HttpRequest built =
        request.header("Accept", "application/json").timeout(Duration.ofMinutes(30)).build();
    int seen = sessions();
    HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 401) {
      signIn(seen);
      response = http.send(built, HttpResponse.BodyHandlers.ofString());
    }
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          built.method()
              + " "
              + built.uri()
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response.body();
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
