package org.ventanilla.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for the REST API as a real client sees it: JSON in, JSON out, Basic auth. */
public final class Api {

  public static final String ADMIN = "admin";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final String authorization;
  private final String base;

  private Api(String authorization, String base) {
    this.authorization = authorization;
    this.base = base;
  }

  public static String baseUrl() {
    // Inside the server (in-container tests) the build's property is absent: the server's own
    // port offset is the same number.
    int port =
        8080
            + Integer.getInteger(
                "it.port.offset", Integer.getInteger("jboss.socket.binding.port-offset", 100));
    return "http://127.0.0.1:" + port + "/";
  }

  public static String adminPassword() {
    return System.getProperty("it.admin.password", "it-Admin-2026");
  }

  public static Api asAdmin() {
    return as(ADMIN, adminPassword());
  }

  public static Api as(String username, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api("Basic " + token, baseUrl());
  }

  public static Api anonymous() {
    return new Api(null, baseUrl());
  }

  /** The same caller talking to another server (the fault drills run two). */
  public Api on(String serverBaseUrl) {
    return new Api(authorization, serverBaseUrl);
  }

  /**
   * The tickets of the first customer the search {@code query} finds (a phone, an e-mail), empty
   * when none: how the tests see what a channel filed.
   */
  public jakarta.json.JsonArray customerTickets(String query) {
    jakarta.json.JsonArray found =
        get("customers?q="
                + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
            .object()
            .getJsonArray("items");
    return found.isEmpty()
        ? jakarta.json.JsonValue.EMPTY_JSON_ARRAY
        : get("customers/" + found.getJsonObject(0).getJsonNumber("id").longValue())
            .object()
            .getJsonArray("tickets");
  }

  public Response get(String path) {
    return send("GET", path, null, Map.of());
  }

  public Response post(String path, String json) {
    return send("POST", path, json, Map.of());
  }

  public Response patch(String path, String json, Map<String, String> headers) {
    return send("PATCH", path, json, headers);
  }

  /** A page or download outside the API ({@code reports/agents.csv?...}), as this client. */
  public Response download(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return exchange(request, "GET", path);
  }

  public Response send(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "api/v1/" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", headers.getOrDefault("Accept", "application/json"))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("Accept")) {
            request.header(name, value);
          }
        });
    return exchange(request, method, path);
  }

  private static Response exchange(HttpRequest.Builder request, String method, String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What came back. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public JsonStructure json() {
      try (JsonReader reader = Json.createReader(new StringReader(raw.body()))) {
        return reader.read();
      } catch (RuntimeException e) {
        throw new AssertionError("Not JSON (status " + status() + "): " + raw.body(), e);
      }
    }

    public JsonObject object() {
      return json().asJsonObject();
    }

    @Override
    public String toString() {
      return status() + " " + raw.body();
    }
  }
}
