package org.ventanilla.web.admin;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request reached Ventanilla at (scheme, host, port, context path): the OAuth2
 * redirect URI is built on it where VENTANILLA_PUBLIC_URL is not set.
 */
public final class RequestBase {

  private RequestBase() {}

  public static String of(HttpServletRequest request) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort =
        "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
    return scheme
        + "://"
        + request.getServerName()
        + (defaultPort ? "" : ":" + port)
        + request.getContextPath();
  }
}
