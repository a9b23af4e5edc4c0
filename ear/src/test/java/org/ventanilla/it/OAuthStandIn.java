package org.ventanilla.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * An OAuth2 authorization server on 127.0.0.1 (a free port) for the tests, playing Microsoft's or
 * Google's: {@code /authorize} approves at once for {@link #approveAs} and redirects with a code
 * (or, after {@link #askForConsent}, shows a consent page whose "Allow" does, as a provider's
 * does); {@code /token} exchanges it (client secret and PKCE S256 checked, the code used once) and
 * refreshes; {@code /introspect} (RFC 7662, what Dovecot's oauth2 passdb asks) says whether an
 * access token is alive and whose; {@code /revoke} ends a grant. Access tokens live {@code
 * accessTtl} (seconds in the tests), so a test sees them expire.
 */
public final class OAuthStandIn implements AutoCloseable {

  public static final String CLIENT_ID = "ventanilla-test-client";
  public static final String CLIENT_SECRET = "client-secret-of-the-test";

  private record Code(String user, String redirectUri, String challenge) {}

  private record Access(String user, String refreshToken, Instant expiresAt) {}

  private final HttpServer server;
  private final Duration accessTtl;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, String> grants = new ConcurrentHashMap<>(); // refresh token -> user
  private final Map<String, Access> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger exchanges = new AtomicInteger();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger introspections = new AtomicInteger();
  private volatile String approveAs;
  private volatile boolean askForConsent;
  private volatile BiConsumer<String, String> onIssue = (user, token) -> {};

  private OAuthStandIn(Duration accessTtl, String approveAs) {
    this.accessTtl = accessTtl;
    this.approveAs = approveAs;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  /** A stand-in whose consent screen answers for {@code user}. */
  public static OAuthStandIn start(Duration accessTtl, String user) {
    return new OAuthStandIn(accessTtl, user);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String authorizationUrl() {
    return baseUrl() + "/authorize";
  }

  public String tokenUrl() {
    return baseUrl() + "/token";
  }

  public String introspectionUrl() {
    return baseUrl() + "/introspect";
  }

  /** Who the next consent is given as. */
  public void approveAs(String user) {
    this.approveAs = user;
  }

  /** {@code /authorize} shows a page the user allows the access on (a browser test clicks it). */
  public void askForConsent() {
    this.askForConsent = true;
  }

  /** Told of every access token issued (a GreenMail SMTP user takes it as its password). */
  public void onIssue(BiConsumer<String, String> listener) {
    this.onIssue = listener;
  }

  public int exchanges() {
    return exchanges.get();
  }

  public int refreshes() {
    return refreshes.get();
  }

  public int introspections() {
    return introspections.get();
  }

  /** The user withdraws consent (or an admin revokes it): the refresh and access tokens die. */
  public void revokeGrantsOf(String user) {
    grants.values().removeIf(user::equals);
    tokens.values().removeIf(a -> a.user().equals(user));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/authorize") && exchange.getRequestMethod().equals("GET")) {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (askForConsent) {
          consentPage(exchange, query);
        } else {
          authorize(exchange, query);
        }
        return;
      }
      if (path.equals("/authorize") && exchange.getRequestMethod().equals("POST")) {
        authorize(
            exchange,
            form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 405, "{\"error\":\"invalid_request\"}");
        return;
      }
      Map<String, String> form =
          form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      switch (path) {
        case "/token" -> token(exchange, form);
        case "/introspect" -> introspect(exchange, form);
        case "/revoke" -> {
          String token = form.getOrDefault("token", "");
          String user = grants.remove(token);
          if (user != null) {
            revokeGrantsOf(user);
          }
          tokens.remove(token);
          send(exchange, 200, "{}");
        }
        default -> send(exchange, 404, "{\"error\":\"not_found\"}");
      }
    }
  }

  /** The provider's consent screen: the request's parameters go back with "Allow". */
  private void consentPage(HttpExchange exchange, Map<String, String> q) throws IOException {
    StringBuilder fields = new StringBuilder();
    q.forEach(
        (name, value) ->
            fields
                .append("<input type=\"hidden\" name=\"")
                .append(html(name))
                .append("\" value=\"")
                .append(html(value))
                .append("\">"));
    String page =
        "<!DOCTYPE html><html lang=\"en\"><head><title>Consent</title></head><body><main>"
            + "<h1>Allow Ventanilla to read and send mail as "
            + html(approveAs)
            + "?</h1><form method=\"post\" action=\"/authorize\">"
            + fields
            + "<button id=\"allow\" type=\"submit\">Allow</button></form></main></body></html>";
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String html(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private void authorize(HttpExchange exchange, Map<String, String> q) throws IOException {
    String redirect = q.get("redirect_uri");
    if (!CLIENT_ID.equals(q.get("client_id"))
        || redirect == null
        || !"code".equals(q.get("response_type"))
        || !"S256".equals(q.get("code_challenge_method"))
        || q.get("code_challenge") == null
        || q.get("state") == null) {
      send(exchange, 400, "{\"error\":\"invalid_request\"}");
      return;
    }
    String code = randomToken();
    codes.put(code, new Code(approveAs, redirect, q.get("code_challenge")));
    String location =
        redirect
            + (redirect.contains("?") ? "&" : "?")
            + "code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + "&state="
            + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
    if (!CLIENT_ID.equals(form.get("client_id"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      send(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    String grantType = form.getOrDefault("grant_type", "");
    if (grantType.equals("authorization_code")) {
      Code code = codes.remove(form.getOrDefault("code", ""));
      if (code == null
          || !code.redirectUri().equals(form.get("redirect_uri"))
          || form.get("code_verifier") == null
          || !code.challenge().equals(s256(form.get("code_verifier")))) {
        send(exchange, 400, "{\"error\":\"invalid_grant\"}");
        return;
      }
      exchanges.incrementAndGet();
      String refresh = randomToken();
      grants.put(refresh, code.user());
      send(exchange, 200, issue(code.user(), refresh, true));
    } else if (grantType.equals("refresh_token")) {
      String refresh = form.getOrDefault("refresh_token", "");
      String user = grants.get(refresh);
      if (user == null) {
        send(
            exchange,
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: the grant was"
                + " revoked\"}");
        return;
      }
      refreshes.incrementAndGet();
      send(exchange, 200, issue(user, refresh, false));
    } else {
      send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
    }
  }

  private String issue(String user, String refresh, boolean withRefresh) {
    String access = randomToken();
    tokens.put(access, new Access(user, refresh, Instant.now().plus(accessTtl)));
    onIssue.accept(user, access);
    return "{\"access_token\":\""
        + access
        + "\",\"token_type\":\"Bearer\",\"expires_in\":"
        + accessTtl.toSeconds()
        + (withRefresh ? ",\"refresh_token\":\"" + refresh + "\"" : "")
        + ",\"scope\":\"https://outlook.office.com/IMAP.AccessAsUser.All\"}";
  }

  private void introspect(HttpExchange exchange, Map<String, String> form) throws IOException {
    introspections.incrementAndGet();
    Access access = tokens.get(form.getOrDefault("token", ""));
    if (access == null || Instant.now().isAfter(access.expiresAt())) {
      send(exchange, 200, "{\"active\":false}");
      return;
    }
    send(
        exchange,
        200,
        "{\"active\":true,\"username\":\""
            + access.user()
            + "\",\"client_id\":\""
            + CLIENT_ID
            + "\",\"exp\":"
            + access.expiresAt().getEpochSecond()
            + "}");
  }

  private String randomToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> form(String raw) {
    Map<String, String> values = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      values.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return values;
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
