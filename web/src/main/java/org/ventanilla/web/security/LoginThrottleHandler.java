package org.ventanilla.web.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormEncodedDataDefinition;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Sits in front of the container's authentication (an Undertow initial handler), because a servlet
 * filter would run only after the realm has been asked. Form and Basic sign-ins alike are counted
 * per client address, per username and per username-and-address; while one of those keys must wait,
 * the attempt is refused (429 for Basic, the login page saying so for the form) without reaching
 * the realm. Every wait runs out within a minute, so nobody is ever locked out, and a browser that
 * has signed in as that user before ({@link DeviceTokens}) is not slowed down by failures for the
 * username from elsewhere. A success clears only its own username's counts, never the address's.
 * While the directory of the LDAP realm is unreachable, attempts are answered as "unavailable"
 * (503) and not counted.
 */
final class LoginThrottleHandler implements HttpHandler {

  // The login page is UTF-8; the realm must see the same username the throttle counted.
  private static final FormParserFactory FORMS =
      FormParserFactory.builder(false)
          .addParser(new FormEncodedDataDefinition().setDefaultEncoding("UTF-8"))
          .build();

  private final HttpHandler next;
  private final Throttles throttles;

  LoginThrottleHandler(HttpHandler next, Throttles throttles) {
    this.next = next;
    this.throttles = throttles;
  }

  /** The counters and helpers one deployment shares between requests. */
  record Throttles(
      LoginThrottle byAddress,
      LoginThrottle byUsername,
      LoginThrottle byUsernameAndAddress,
      DeviceTokens devices,
      DirectoryProbe directory,
      FailedSignIns failures) {}

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    boolean formLogin =
        Methods.POST.equals(exchange.getRequestMethod())
            && exchange.getRelativePath().endsWith("j_security_check");
    if (formLogin) {
      FormDataParser parser = FORMS.createParser(exchange);
      if (parser != null) {
        // Parsed once here; the form mechanism reads the same attached FormData afterwards.
        parser.parse(parsed -> attempt(parsed, true, formUsername(parsed)));
        return;
      }
      attempt(exchange, true, null);
      return;
    }
    String basicUser = basicUsername(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
    if (basicUser == null) {
      next.handleRequest(exchange);
      return;
    }
    attempt(exchange, false, basicUser);
  }

  private void attempt(HttpServerExchange exchange, boolean formLogin, String username)
      throws Exception {
    if (!throttles.directory().reachable()) {
      unavailable(exchange, formLogin);
      return;
    }
    String address = exchange.getSourceAddress().getAddress().getHostAddress();
    String addressKey = "ip:" + address;
    String user = username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    String userKey = user == null ? null : "user:" + user;
    String pairKey = user == null ? null : "pair:" + user + "|" + address;
    boolean knownDevice = user != null && throttles.devices().proves(deviceToken(exchange), user);

    Duration wait = throttles.byAddress().waitFor(addressKey);
    if (pairKey != null) {
      wait = longer(wait, throttles.byUsernameAndAddress().waitFor(pairKey));
      if (!knownDevice) {
        wait = longer(wait, throttles.byUsername().waitFor(userKey));
      }
    }
    if (!wait.isZero()) {
      refuse(exchange, formLogin, wait);
      return;
    }
    // Learnt as the answer is committed, before the client can read it: a client that fires its
    // next guess the moment it sees this one fail must find it counted already.
    exchange.addResponseCommitListener(
        committed -> {
          learn(committed, formLogin, address, addressKey, user, userKey, pairKey);
          if (formLogin && user != null && redirected(committed)) {
            committed.setResponseCookie(deviceCookie(committed, user));
          }
        });
    next.handleRequest(exchange);
  }

  private void learn(
      HttpServerExchange done,
      boolean formLogin,
      String address,
      String addressKey,
      String user,
      String userKey,
      String pairKey) {
    boolean failed = formLogin ? !redirected(done) : done.getStatusCode() == 401;
    if (!failed) {
      if (user != null) {
        throttles.byUsername().succeeded(userKey);
        throttles.byUsernameAndAddress().succeeded(pairKey);
      }
      return;
    }
    if (throttles.directory().configured() && !throttles.directory().reachable()) {
      return; // the directory went away during the attempt: not a wrong password
    }
    throttles.byAddress().failed(addressKey);
    if (user != null) {
      throttles.byUsername().failed(userKey);
      throttles.byUsernameAndAddress().failed(pairKey);
      throttles.failures().record(user, address);
    }
  }

  private static boolean redirected(HttpServerExchange exchange) {
    int status = exchange.getStatusCode();
    return status >= 300 && status < 400;
  }

  private static Duration longer(Duration a, Duration b) {
    return b.compareTo(a) > 0 ? b : a;
  }

  private String deviceToken(HttpServerExchange exchange) {
    Cookie cookie = exchange.getRequestCookie(DeviceTokens.COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  private Cookie deviceCookie(HttpServerExchange exchange, String user) {
    return new CookieImpl(DeviceTokens.COOKIE, throttles.devices().issue(user))
        .setPath(exchange.getResolvedPath().isEmpty() ? "/" : exchange.getResolvedPath())
        .setHttpOnly(true)
        .setSecure(exchange.isSecure())
        .setSameSiteMode("Lax")
        .setMaxAge(DeviceTokens.MAX_AGE_SECONDS);
  }

  private static void refuse(HttpServerExchange exchange, boolean formLogin, Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
    exchange.getResponseHeaders().put(Headers.RETRY_AFTER, String.valueOf(seconds));
    if (formLogin) {
      redirectToLogin(exchange, "throttled");
      return;
    }
    json(
        exchange,
        429,
        "{\"error\":\"too_many_attempts\",\"message\":\"Too many failed sign-ins; retry in "
            + seconds
            + " s\"}");
  }

  private static void unavailable(HttpServerExchange exchange, boolean formLogin) {
    exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "30");
    if (formLogin) {
      redirectToLogin(exchange, "unavailable");
      return;
    }
    json(
        exchange,
        503,
        "{\"error\":\"sign_in_unavailable\",\"message\":\"Sign-in is unavailable right now (the"
            + " directory does not answer); try again shortly\"}");
  }

  private static void redirectToLogin(HttpServerExchange exchange, String reason) {
    exchange.setStatusCode(303);
    exchange
        .getResponseHeaders()
        .put(Headers.LOCATION, exchange.getResolvedPath() + "/login.xhtml?" + reason + "=true");
    exchange.endExchange();
  }

  private static void json(HttpServerExchange exchange, int status, String body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
  }

  private static String formUsername(HttpServerExchange exchange) {
    FormData form = exchange.getAttachment(FormDataParser.FORM_DATA);
    FormData.FormValue value = form == null ? null : form.getFirst("j_username");
    return value == null || value.isFileItem() ? null : value.getValue();
  }

  static String basicUsername(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
