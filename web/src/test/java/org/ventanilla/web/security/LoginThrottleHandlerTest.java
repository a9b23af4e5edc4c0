package org.ventanilla.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The throttle in front of a real Undertow, with a stand-in for the realm behind it that knows one
 * password: what an attacker and the real user each get, from different loopback addresses.
 */
class LoginThrottleHandlerTest {

  private static final String RIGHT = "right-password";
  private final AtomicInteger realmAsked = new AtomicInteger();
  private Undertow server;
  private int port;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private void start(String directoryUrl) {
    Clock clock = Clock.systemUTC();
    LoginThrottleHandler.Throttles throttles =
        new LoginThrottleHandler.Throttles(
            new LoginThrottle(clock, WebSecurityExtension.ADDRESS_FREE_ATTEMPTS),
            new LoginThrottle(clock, WebSecurityExtension.USERNAME_FREE_ATTEMPTS),
            new LoginThrottle(clock, WebSecurityExtension.USERNAME_AND_ADDRESS_FREE_ATTEMPTS),
            new DeviceTokens(new SecureRandom()),
            new DirectoryProbe(directoryUrl, clock),
            new FailedSignIns(clock));
    server =
        Undertow.builder()
            .addHttpListener(0, "127.0.0.1")
            .setHandler(new LoginThrottleHandler(this::realm, throttles))
            .build();
    server.start();
    port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  /** What the container does: the form redirects on success and shows the error page otherwise. */
  private void realm(HttpServerExchange exchange) throws IOException {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this::realm);
      return;
    }
    realmAsked.incrementAndGet();
    if (exchange.getRelativePath().endsWith("j_security_check")) {
      exchange.startBlocking();
      FormData form = FormParserFactory.builder().build().createParser(exchange).parseBlocking();
      boolean right = RIGHT.equals(form.getFirst("j_password").getValue());
      if (right) {
        exchange.setStatusCode(302);
        exchange.getResponseHeaders().put(Headers.LOCATION, "/");
      } else {
        exchange.getResponseSender().send("login-error");
      }
      return;
    }
    String decoded =
        new String(
            Base64.getDecoder()
                .decode(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION).substring(6)),
            StandardCharsets.UTF_8);
    exchange.setStatusCode(decoded.endsWith(":" + RIGHT) ? 200 : 401);
    exchange.endExchange();
  }

  @Test
  void theFormIsCountedByTheUsernameItCarriesNotOnlyByAddress() throws IOException {
    start(null);
    for (int i = 0; i < 5; i++) {
      assertEquals(200, form("127.0.0.9", "admin", "guess", null).status);
    }
    Reply slowed = form("127.0.0.9", "Admin", RIGHT, null);
    assertEquals(303, slowed.status);
    assertTrue(slowed.header("location").endsWith("/login.xhtml?throttled=true"));
    assertNotNull(slowed.header("retry-after"));
    assertEquals(302, form("127.0.0.9", "ana@example.com", RIGHT, null).status, "another user");
  }

  @Test
  void anAttackerElsewhereCannotKeepTheRealUserOut() throws IOException {
    start(null);
    Reply before = form("127.0.0.5", "admin", RIGHT, null);
    assertEquals(302, before.status);
    String device = before.cookie(DeviceTokens.COOKIE);
    assertNotNull(device, "a browser that signed in is told so");

    // Ten addresses, one wrong password each: the username itself is now slowed down...
    for (int i = 0; i < 10; i++) {
      assertEquals(401, basic("127.0.1." + (i + 1), "admin", "guess-" + i).status);
    }
    assertEquals(429, basic("127.0.2.1", "admin", RIGHT).status, "a stranger waits");
    assertEquals(303, form("127.0.2.2", "admin", RIGHT, null).status);
    // ...but not for the browser the admin signed in with before.
    assertEquals(302, form("127.0.0.5", "admin", RIGHT, device).status);
  }

  @Test
  void aSuccessClearsItsUsernameNotTheAddress() throws IOException {
    start(null);
    for (int i = 0; i < 4; i++) {
      assertEquals(401, basic("127.0.3.1", "mallory", "guess").status);
    }
    assertEquals(200, basic("127.0.3.1", "mallory", RIGHT).status);
    for (int i = 0; i < 4; i++) {
      assertEquals(401, basic("127.0.3.1", "mallory", "guess").status, "counts start over");
    }
    // The address has 8 failures, which no success of its own has wiped: 22 more and it waits.
    for (int i = 0; i < 22; i++) {
      assertEquals(401, basic("127.0.3.1", "user" + i, "guess").status);
    }
    assertEquals(429, basic("127.0.3.1", "someone-else", RIGHT).status);
  }

  @Test
  void aDirectoryThatIsDownIsNotAWrongPassword() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    start("ldap://127.0.0.1:" + closed);
    for (int i = 0; i < 12; i++) {
      Reply unavailable = basic("127.0.4.1", "ana", "whatever");
      assertEquals(503, unavailable.status);
      assertTrue(unavailable.body.contains("sign_in_unavailable"), unavailable.body);
    }
    Reply form = form("127.0.4.1", "ana", RIGHT, null);
    assertEquals(303, form.status);
    assertTrue(form.header("location").endsWith("/login.xhtml?unavailable=true"));
    assertEquals(0, realmAsked.get(), "the realm was not asked, nothing was counted");
  }

  // ---- a tiny HTTP/1.1 client that can speak from any loopback address ----

  private Reply form(String from, String user, String password, String device) throws IOException {
    String body =
        "j_username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&j_password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    String cookie = device == null ? "" : "Cookie: " + DeviceTokens.COOKIE + "=" + device + "\r\n";
    return send(
        from,
        "POST /j_security_check HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + cookie
            + "Content-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\nConnection: close\r\n\r\n"
            + body);
  }

  private Reply basic(String from, String user, String password) throws IOException {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(
        from,
        "GET /api/v1/agents/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
            + credentials
            + "\r\nConnection: close\r\n\r\n");
  }

  private Reply send(String from, String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return Reply.parse(all.toString(StandardCharsets.UTF_8));
    }
  }

  private record Reply(int status, Map<String, String> headers, String body) {
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

    static Reply parse(String raw) {
      int end = raw.indexOf("\r\n\r\n");
      String head = end < 0 ? raw : raw.substring(0, end);
      Matcher m = STATUS.matcher(head);
      assertTrue(m.find(), raw);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.merge(
              line.substring(0, colon).toLowerCase(Locale.ROOT),
              line.substring(colon + 1).strip(),
              (a, b) -> a + "\n" + b);
        }
      }
      return new Reply(
          Integer.parseInt(m.group(1)), headers, end < 0 ? "" : raw.substring(end + 4));
    }

    String header(String name) {
      return headers.get(name);
    }

    String cookie(String name) {
      String all = headers.get("set-cookie");
      if (all == null) {
        return null;
      }
      for (String line : all.split("\n")) {
        if (line.startsWith(name + "=")) {
          return line.substring(name.length() + 1, line.indexOf(';'));
        }
      }
      return null;
    }
  }
}
