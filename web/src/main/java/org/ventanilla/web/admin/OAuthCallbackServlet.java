package org.ventanilla.web.admin;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.ventanilla.channel.email.OAuthConnectService;
import org.ventanilla.common.InvalidInputException;

/**
 * {@code GET /admin/oauth/callback}: where Microsoft or Google sends the admin back after consent
 * (the redirect URI of the app registration). Behind the admin pages' sign-in; the service checks
 * that the state is this admin's. Answers with the mailbox's page, saying how it went.
 */
@WebServlet("/admin/oauth/callback")
public class OAuthCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(OAuthCallbackServlet.class.getName());

  @Inject OAuthConnectService oauth;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String error = request.getParameter("error");
    String page = request.getContextPath() + "/admin/channels.xhtml?oauth=failed";
    if (error == null) {
      try {
        long channelId =
            oauth.complete(
                request.getParameter("state"),
                request.getParameter("code"),
                RequestBase.of(request));
        page =
            request.getContextPath()
                + "/admin/channel-email.xhtml?id="
                + channelId
                + "&oauth=connected";
      } catch (InvalidInputException | EJBAccessException e) {
        LOG.info(() -> "OAuth2 callback refused: " + e.getMessage());
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        return;
      }
    } else {
      LOG.info(() -> "OAuth2 consent not given: " + error.replaceAll("[^A-Za-z0-9_]", ""));
    }
    response.sendRedirect(page);
  }
}
