package org.ventanilla.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The API is not behind the web module's security constraint (that one answers with the login
 * page); WildFly authenticates Basic credentials on every request, and here a request without an
 * identity gets a 401 in JSON. Webhooks authenticate by signature instead.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

  static final String PUBLIC_PREFIX = "webhooks/";

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
    }
  }
}
