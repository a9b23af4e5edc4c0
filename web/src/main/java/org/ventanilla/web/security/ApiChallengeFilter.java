package org.ventanilla.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * When Basic credentials sent to the API are wrong, the container's next mechanism (the login form)
 * answers by forwarding to the login page. An API client needs a 401 in JSON instead.
 */
@WebFilter(urlPatterns = "/login.xhtml", dispatcherTypes = DispatcherType.FORWARD)
public class ApiChallengeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Object original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    if (original instanceof String uri && uri.startsWith(request.getContextPath() + "/api/")) {
      response.resetBuffer();
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"Ventanilla\", charset=\"UTF-8\"");
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write("{\"error\":\"unauthorized\",\"message\":\"Wrong username or password\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
