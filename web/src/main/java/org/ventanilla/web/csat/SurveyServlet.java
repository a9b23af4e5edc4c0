package org.ventanilla.web.csat;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.csat.CsatService;
import org.ventanilla.csat.SurveyPage;
import org.ventanilla.csat.SurveyUsedException;

/**
 * {@code /survey/{token}}: the customer's survey, without signing in. A plain HTML form that works
 * without JavaScript, five faces as radio buttons and a comment; the token in the address is the
 * only credential and the only CSRF protection needed (it is single-use and unguessable, and
 * nothing else is at stake). An unknown token answers 404, a used one 410, and neither changes
 * anything. Spanish or English by the customer's browser.
 */
@WebServlet("/survey/*")
public class SurveyServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final String[] FACES = {"😞", "🙁", "😐", "🙂", "😀"};

  private static final String CSS =
      "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;max-width:28rem;"
          + "margin-inline:auto;color:#1f2933}"
          + "h1{font-size:1.4rem}fieldset{border:0;padding:0;margin:0 0 1rem;display:flex;"
          + "justify-content:space-between}legend{margin-bottom:.5rem}"
          + ".face input{position:absolute;opacity:0}.face span{font-size:2.6rem;display:block;"
          + "padding:.2rem;border-radius:50%;border:3px solid transparent;cursor:pointer}"
          + ".face input:checked+span{border-color:#2563eb}"
          + ".face input:focus-visible+span{outline:2px solid #2563eb}"
          + "textarea{width:100%;box-sizing:border-box;min-height:6rem;font:inherit}"
          + "button{margin-top:1rem;width:100%;padding:.8rem;font-size:1.1rem;border:0;"
          + "border-radius:.4rem;background:#2563eb;color:#fff}"
          + ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}";

  @Inject transient CsatService csat;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if ("/survey.css".equals(request.getPathInfo())) {
      response.setContentType("text/css;charset=UTF-8");
      response.setHeader("Cache-Control", "max-age=86400");
      response.getWriter().write(CSS);
      return;
    }
    ResourceBundle text = bundle(request);
    Optional<SurveyPage> page = csat.page(token(request));
    if (page.isEmpty()) {
      message(response, HttpServletResponse.SC_NOT_FOUND, text, "csat.page.unknown");
    } else if (page.get().answered()) {
      message(response, HttpServletResponse.SC_GONE, text, "csat.page.used");
    } else {
      form(response, text, page.get(), null);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    request.setCharacterEncoding("UTF-8");
    ResourceBundle text = bundle(request);
    String token = token(request);
    Integer score = score(request.getParameter("score"));
    Optional<SurveyPage> page = csat.page(token);
    if (page.isEmpty()) {
      message(response, HttpServletResponse.SC_NOT_FOUND, text, "csat.page.unknown");
      return;
    }
    if (score == null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      form(response, text, page.get(), text.getString("csat.page.pick"));
      return;
    }
    try {
      csat.answer(token, score, request.getParameter("comment"));
      message(response, HttpServletResponse.SC_OK, text, "csat.page.thanks");
    } catch (SurveyUsedException e) {
      message(response, HttpServletResponse.SC_GONE, text, "csat.page.used");
    } catch (NotFoundException e) {
      message(response, HttpServletResponse.SC_NOT_FOUND, text, "csat.page.unknown");
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      form(response, text, page.get(), text.getString("csat.page.pick"));
    }
  }

  private static String token(HttpServletRequest request) {
    String path = request.getPathInfo();
    return path == null || path.length() < 2 ? "" : path.substring(1);
  }

  private static Integer score(String value) {
    return value != null && value.matches("[1-5]") ? Integer.valueOf(value) : null;
  }

  private static ResourceBundle bundle(HttpServletRequest request) {
    Locale locale =
        request.getLocale() != null && "en".equals(request.getLocale().getLanguage())
            ? Locale.ENGLISH
            : Locale.forLanguageTag("es");
    return ResourceBundle.getBundle("org.ventanilla.web.i18n.messages", locale);
  }

  private static PrintWriter start(HttpServletResponse response, ResourceBundle text, int status)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    // The token is in the address: never sent on as a referrer.
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none';"
            + " frame-ancestors 'none'");
    PrintWriter out = response.getWriter();
    out.print("<!DOCTYPE html><html lang=\"");
    out.print(text.getLocale().getLanguage().isEmpty() ? "es" : text.getLocale().getLanguage());
    out.print("\"><head><meta charset=\"utf-8\">");
    out.print("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.print("<title>" + escape(text.getString("csat.page.title")) + "</title>");
    out.print("<link rel=\"stylesheet\" href=\"survey.css\"></head><body>");
    return out;
  }

  private static void message(
      HttpServletResponse response, int status, ResourceBundle text, String key)
      throws IOException {
    PrintWriter out = start(response, text, status);
    out.print("<main><h1 id=\"outcome\">" + escape(text.getString(key)) + "</h1></main>");
    out.print("</body></html>");
  }

  private static void form(
      HttpServletResponse response, ResourceBundle text, SurveyPage page, String problem)
      throws IOException {
    PrintWriter out = start(response, text, response.getStatus());
    out.print("<main><h1>" + escape(text.getString("csat.page.title")) + "</h1>");
    out.print("<p>#" + page.ticketNumber() + " · " + escape(page.subject()) + "</p>");
    if (problem != null) {
      out.print("<p role=\"alert\" id=\"problem\">" + escape(problem) + "</p>");
    }
    // An ordinary POST to this same address: works without JavaScript.
    out.print("<form method=\"post\" id=\"survey\">");
    out.print("<fieldset><legend>" + escape(text.getString("csat.page.question")) + "</legend>");
    for (int score = 1; score <= 5; score++) {
      String label = text.getString("csat.score." + score);
      out.print(
          "<label class=\"face\"><input type=\"radio\" name=\"score\" required value=\""
              + score
              + "\" id=\"score-"
              + score
              + "\"><span aria-hidden=\"true\">"
              + FACES[score - 1]
              + "</span><span class=\"sr\">"
              + escape(label)
              + "</span></label>");
    }
    out.print("</fieldset>");
    out.print("<label for=\"comment\">" + escape(text.getString("csat.page.comment")) + "</label>");
    out.print("<textarea id=\"comment\" name=\"comment\" maxlength=\"2000\"></textarea>");
    out.print(
        "<button type=\"submit\" id=\"send\">"
            + escape(text.getString("csat.page.send"))
            + "</button>");
    out.print("</form></main></body></html>");
  }

  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '&' -> s.append("&amp;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
