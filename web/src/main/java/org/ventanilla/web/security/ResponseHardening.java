package org.ventanilla.web.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.util.Locale;

/**
 * What browsers enforce on every answer, pages and API alike, set where nothing can lose it: just
 * before the response is committed, after the servlet, the container's authentication and the
 * sign-in throttle have had their say (a servlet filter would miss the latter two, and a header set
 * early would not survive a {@code response.reset()}).
 *
 * <ul>
 *   <li>No framing ({@code X-Frame-Options}, CSP {@code frame-ancestors}): the inbox and the admin
 *       pages cannot be put under another site's clicks.
 *   <li>{@code nosniff}, so an attachment is never run as a script or page it pretends not to be.
 *   <li>{@code Referrer-Policy: same-origin}: links in a customer's mail don't tell its sites our
 *       ticket URLs.
 *   <li>Cookies {@code SameSite=Lax} and, over TLS (or with {@code VENTANILLA_SECURE_COOKIES=true}
 *       behind a balancer that ends TLS without saying so), {@code Secure}; HSTS over TLS.
 * </ul>
 */
final class ResponseHardening implements HttpHandler {

  static final String HSTS = "max-age=31536000";
  private static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");
  private static final HttpString CONTENT_TYPE_OPTIONS = new HttpString("X-Content-Type-Options");
  private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");
  private static final HttpString CSP = new HttpString("Content-Security-Policy");
  private static final HttpString TRANSPORT_SECURITY = new HttpString("Strict-Transport-Security");

  private final HttpHandler next;
  private final boolean alwaysSecureCookies;

  ResponseHardening(HttpHandler next, boolean alwaysSecureCookies) {
    this.next = next;
    this.alwaysSecureCookies = alwaysSecureCookies;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    exchange.addResponseCommitListener(this::harden);
    next.handleRequest(exchange);
  }

  private void harden(HttpServerExchange exchange) {
    HeaderMap headers = exchange.getResponseHeaders();
    headers.put(FRAME_OPTIONS, "DENY");
    headers.put(CONTENT_TYPE_OPTIONS, "nosniff");
    if (!headers.contains(REFERRER_POLICY)) {
      headers.put(REFERRER_POLICY, "same-origin");
    }
    // A page's own policy (PrimeFaces' nonces) stays; this one is added beside it, and a browser
    // enforces both.
    boolean framingForbidden =
        headers.get(CSP) != null
            && headers.get(CSP).stream()
                .anyMatch(p -> p.toLowerCase(Locale.ROOT).contains("frame-ancestors"));
    if (!framingForbidden) {
      headers.add(CSP, "frame-ancestors 'none'");
    }
    boolean secure = exchange.isSecure();
    if (secure) {
      headers.put(TRANSPORT_SECURITY, HSTS);
    }
    for (Cookie cookie : exchange.responseCookies()) {
      if (cookie.getSameSiteMode() == null) {
        cookie.setSameSiteMode("Lax");
      }
      if (secure || alwaysSecureCookies) {
        cookie.setSecure(true);
      }
    }
  }
}
