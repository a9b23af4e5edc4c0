package org.ventanilla.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The API is not behind the web module's security constraint (that one answers with the login
 * page); WildFly authenticates Basic credentials on every request, and here a request without an
 * identity gets a 401 in JSON. Webhooks authenticate by signature instead.
 *
 * <p>WildFly also restores a signed-in page session on API requests, so a browser would send its
 * session cookie with a request another site made it send. Such cookie-authenticated requests that
 * change something must come from our own pages: their {@code Origin} (or, lacking one, their
 * {@code Referer}) must be this server. API clients sending credentials are not affected.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

  static final String PUBLIC_PREFIX = "webhooks/";

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    if (path.startsWith(PUBLIC_PREFIX)) {
      return;
    }
    if (request.getSecurityContext().getUserPrincipal() == null) {
      Response unauthorized =
          Response.fromResponse(
                  ApiError.response(
                      401, "unauthorized", "Sign in with HTTP Basic (username and password)"))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Ventanilla\", charset=\"UTF-8\"")
              .build();
      request.abortWith(unauthorized);
      return;
    }
    boolean byCookie = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
    if (byCookie
        && !SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
        && !fromOurOwnPages(request)) {
      request.abortWith(
          ApiError.response(
              403,
              "cross_site_request",
              "A signed-in page session may change data only from this site's own pages;"
                  + " API clients send their credentials with HTTP Basic"));
    }
  }

  /** Origin, else Referer, names this very host (as the browser addressed it). */
  private static boolean fromOurOwnPages(ContainerRequestContext request) {
    String source = request.getHeaderString("Origin");
    if (source == null || source.isBlank()) {
      source = request.getHeaderString("Referer");
    }
    String host = request.getHeaderString(HttpHeaders.HOST);
    if (source == null || host == null) {
      return false;
    }
    try {
      URI uri = URI.create(source.strip());
      String authority = uri.getRawAuthority();
      return authority != null
          && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && authority.equalsIgnoreCase(host.strip());
    } catch (IllegalArgumentException notAUri) {
      return false;
    }
  }
}
