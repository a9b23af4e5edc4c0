package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.ventanilla.channel.whatsapp.WebhookRejectedException;
import org.ventanilla.channel.whatsapp.WhatsAppWebhook;

/**
 * Meta's WhatsApp webhook, public (the filter lets webhooks/ through): the subscription check, and
 * deliveries authenticated by their signature over the raw bytes, which is why the body is read as
 * bytes and never bound to objects. A 200 means "stored": a database that is away gives a 500 and
 * Meta delivers again.
 */
@Path("webhooks/whatsapp")
public class WhatsAppWebhookResource {

  /** Meta's deliveries are small; anything far larger is not Meta. */
  static final int MAX_BODY = 1024 * 1024;

  @Inject WhatsAppWebhook webhook;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public Response verify(
      @QueryParam("hub.mode") String mode,
      @QueryParam("hub.verify_token") String token,
      @QueryParam("hub.challenge") String challenge) {
    return webhook
        .verify(mode, token, challenge)
        .map(c -> Response.ok(c, MediaType.TEXT_PLAIN_TYPE).build())
        .orElseGet(
            () -> ApiError.response(403, "forbidden", "Unknown verify token or wrong hub.mode"));
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response receive(
      @HeaderParam("X-Hub-Signature-256") String signature,
      @HeaderParam("Content-Length") Long length,
      InputStream body)
      throws IOException {
    if (length != null && length > MAX_BODY) {
      return tooLarge();
    }
    byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      return tooLarge();
    }
    try {
      webhook.receive(bytes, signature);
    } catch (WebhookRejectedException e) {
      return ApiError.response(e.httpStatus(), e.code(), e.getMessage());
    }
    return Response.ok("{\"status\":\"received\"}", MediaType.APPLICATION_JSON_TYPE).build();
  }

  private static Response tooLarge() {
    return ApiError.response(413, "payload_too_large", "Webhook bodies are at most 1 MB");
  }
}
