package org.ventanilla.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The REST API of the server under test, as an admin. */
final class Client {

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;
  private final String auth;

  Client(String base, String adminPassword) {
    this.base = base.endsWith("/") ? base : base + "/";
    this.auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
  }

  JsonObject get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + "api/v1/" + path)).GET());
  }

  JsonObject post(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + "api/v1/" + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  private JsonObject send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(
            request
                .header("Authorization", auth)
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
