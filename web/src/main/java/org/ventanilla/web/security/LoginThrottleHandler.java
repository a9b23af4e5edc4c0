package org.ventanilla.web.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Sits in front of the container's authentication (an Undertow initial handler), because a servlet
 * filter would run only after the realm has been asked. It refuses sign-in attempts from a
 * throttled client or for a throttled username with 429, and learns from each attempt's outcome: a
 * form login that redirects succeeded, one that shows the error page failed; Basic credentials
 * answered with 401 failed.
 */
final class LoginThrottleHandler implements HttpHandler {

  private final HttpHandler next;
  private final LoginThrottle byClient;
  private final LoginThrottle byUsername;

  /**
   * @param byClient failures per client address: generous, since a whole office may share one
   * @param byUsername failures per username: strict, this is what stops guessing one password
   */
  LoginThrottleHandler(HttpHandler next, LoginThrottle byClient, LoginThrottle byUsername) {
    this.next = next;
    this.byClient = byClient;
    this.byUsername = byUsername;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    boolean formLogin =
        Methods.POST.equals(exchange.getRequestMethod())
            && exchange.getRelativePath().endsWith("j_security_check");
    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    String basicUser = basicUsername(authorization);
    if (!formLogin && basicUser == null) {
      next.handleRequest(exchange);
      return;
    }
    String clientKey = "ip:" + exchange.getSourceAddress().getAddress().getHostAddress();
    String userKey = basicUser == null ? null : "user:" + basicUser.toLowerCase(Locale.ROOT);
    Duration wait = byClient.waitFor(clientKey);
    if (userKey != null && byUsername.waitFor(userKey).compareTo(wait) > 0) {
      wait = byUsername.waitFor(userKey);
    }
    if (!wait.isZero()) {
      refuse(exchange, formLogin, wait);
      return;
    }
    exchange.addExchangeCompleteListener(
        (done, nextListener) -> {
          int status = done.getStatusCode();
          boolean failed = formLogin ? !(status >= 300 && status < 400) : status == 401;
          if (failed) {
            byClient.failed(clientKey);
            if (userKey != null) {
              byUsername.failed(userKey);
            }
          } else {
            byClient.succeeded(clientKey);
            if (userKey != null) {
              byUsername.succeeded(userKey);
            }
          }
          nextListener.proceed();
        });
    next.handleRequest(exchange);
  }

  private static void refuse(HttpServerExchange exchange, boolean formLogin, Duration wait) {
    long seconds = Math.max(1, wait.toSeconds());
    exchange.getResponseHeaders().put(Headers.RETRY_AFTER, String.valueOf(seconds));
    if (formLogin) {
      exchange.setStatusCode(303);
      exchange
          .getResponseHeaders()
          .put(Headers.LOCATION, exchange.getResolvedPath() + "/login.xhtml?throttled=true");
      exchange.endExchange();
      return;
    }
    exchange.setStatusCode(429);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange
        .getResponseSender()
        .send(
            "{\"error\":\"too_many_attempts\",\"message\":\"Too many failed sign-ins; retry in "
                + seconds
                + " s\"}");
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
