package org.ventanilla.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * WildFly restores a signed-in page session on API requests too, so a browser would send its
 * session cookie with a request another site made it send (a form posted to {@code
 * /api/v1/channels/7/poll} needs no JSON). A cookie-authenticated request that changes something
 * must therefore come from our own pages: its {@code Origin} (or, lacking one, its {@code Referer})
 * must be this server. Requests authenticated by HTTP Basic (API clients) are not affected; reading
 * is not affected either (no CORS header is ever sent, so another site cannot read the answer).
 * Checked before anything else, so a cross-site request learns nothing, not even a 415.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CrossSiteRequestFilter implements ContainerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() == null
        || authenticatedByBasic(request)
        || SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))
        || fromOurOwnPages(request)) {
      return;
    }
    request.abortWith(
        ApiError.response(
            403,
            "cross_site_request",
            "A signed-in page session may change data only from this site's own pages;"
                + " API clients send their credentials with HTTP Basic"));
  }

  /**
   * Only credentials that authenticated this very request exempt it. An Authorization header that
   * did not (a bogus one, a Bearer token we don't take) leaves the session cookie as the
   * credential, and a cookie is exactly what a browser sends along with another site's request.
   */
  private static boolean authenticatedByBasic(ContainerRequestContext request) {
    return SecurityContext.BASIC_AUTH.equalsIgnoreCase(
        request.getSecurityContext().getAuthenticationScheme());
  }

  /** Origin, else Referer, names this very host, as the browser addressed it. */
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
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getRawAuthority() != null
          && uri.getRawAuthority().equalsIgnoreCase(host.strip());
    } catch (IllegalArgumentException notAUri) {
      return false;
    }
  }
}
