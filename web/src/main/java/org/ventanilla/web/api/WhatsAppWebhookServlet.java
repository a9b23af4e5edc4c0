package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ventanilla.channel.whatsapp.WebhookRejectedException;
import org.ventanilla.channel.whatsapp.WhatsAppWebhook;

/**
 * Meta's WhatsApp webhook, public (web.xml leaves /api/* to the API's own checks and this path has
 * none but the signature): the subscription check, and deliveries authenticated by their signature
 * over the raw bytes. A plain asynchronous servlet rather than a JAX-RS resource: the hot path of
 * ingest, it reads the bytes, verifies them and waits, without holding a request thread, for the
 * group commit that stores them ({@code WebhookGroupCommit}). A 200 means "stored"; a database that
 * is away gives a 503 and Meta delivers again. The exact path wins over the API's /api/v1/*.
 */
@WebServlet(urlPatterns = "/api/v1/webhooks/whatsapp", asyncSupported = true)
public class WhatsAppWebhookServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(WhatsAppWebhookServlet.class.getName());

  /** Meta's deliveries are small; anything far larger is not Meta. */
  static final int MAX_BODY = 1024 * 1024;

  private static final long STORE_TIMEOUT_MS = 30_000;
  private static final byte[] RECEIVED =
      "{\"status\":\"received\"}".getBytes(StandardCharsets.UTF_8);

  @Inject WhatsAppWebhook webhook;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var challenge =
        webhook.verify(
            request.getParameter("hub.mode"),
            request.getParameter("hub.verify_token"),
            request.getParameter("hub.challenge"));
    if (challenge.isPresent()) {
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(challenge.get());
    } else {
      error(response, 403, "forbidden", "Unknown verify token or wrong hub.mode");
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      tooLarge(response);
      return;
    }
    byte[] bytes;
    try (InputStream body = request.getInputStream()) {
      bytes = body.readNBytes(MAX_BODY + 1);
    }
    if (bytes.length > MAX_BODY) {
      tooLarge(response);
      return;
    }
    var stored =
        // A rejection is said at once; a verified body waits for its group's commit.
        accepted(bytes, request.getHeader("X-Hub-Signature-256"), response);
    if (stored == null) {
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(STORE_TIMEOUT_MS);
    // One answer per delivery: the commit's, or the timeout's (a 503, Meta delivers again; should
    // the group commit after all, the payload's messages are filed once by their wamid).
    AtomicBoolean answered = new AtomicBoolean();
    async.addListener(
        new AsyncListener() {
          @Override
          public void onTimeout(AsyncEvent event) {
            answer(async, answered, false);
          }

          @Override
          public void onComplete(AsyncEvent event) {}

          @Override
          public void onError(AsyncEvent event) {}

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
    stored.whenComplete((id, failure) -> answer(async, answered, failure == null));
  }

  private static void answer(AsyncContext async, AtomicBoolean answered, boolean stored) {
    if (!answered.compareAndSet(false, true)) {
      return;
    }
    try {
      HttpServletResponse out = (HttpServletResponse) async.getResponse();
      if (stored) {
        out.setStatus(200);
        out.setContentType("application/json");
        out.getOutputStream().write(RECEIVED);
      } else {
        error(out, 503, "unavailable", "Not stored, deliver again later");
      }
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "Webhook answer not written (client gone?)", e);
    } finally {
      try {
        async.complete();
      } catch (IllegalStateException e) {
        LOG.log(Level.FINE, "Webhook request already over", e);
      }
    }
  }

  private CompletableFuture<Long> accepted(
      byte[] bytes, String signature, HttpServletResponse response) throws IOException {
    try {
      return webhook.receive(bytes, signature);
    } catch (WebhookRejectedException e) {
      error(response, e.httpStatus(), e.code(), e.getMessage());
      return null;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook delivery not taken: " + e);
      error(response, 503, "unavailable", "Not stored, deliver again later");
      return null;
    }
  }

  private static void tooLarge(HttpServletResponse response) throws IOException {
    error(response, 413, "payload_too_large", "Webhook bodies are at most 1 MB");
  }

  /** The API's one error shape ({@link ApiError}). */
  private static void error(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(
            Json.createObjectBuilder()
                .add("error", code)
                .add("message", message == null ? "" : message)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8));
  }
}
