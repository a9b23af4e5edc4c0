package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.ventanilla.channel.ChannelService;
import org.ventanilla.channel.ChannelView;
import org.ventanilla.channel.email.ConnectionTest;
import org.ventanilla.channel.email.EmailChannelRequest;
import org.ventanilla.channel.email.EmailChannelService;
import org.ventanilla.channel.email.MailNoticeView;
import org.ventanilla.channel.email.OAuthConnectService;
import org.ventanilla.channel.email.QuarantineView;
import org.ventanilla.channel.whatsapp.WhatsAppChannelRequest;
import org.ventanilla.channel.whatsapp.WhatsAppChannelService;
import org.ventanilla.channel.whatsapp.WhatsAppTemplateRequest;
import org.ventanilla.channel.whatsapp.WhatsAppTemplateView;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.common.Page;
import org.ventanilla.web.admin.RequestBase;

/**
 * Channels, for admins (the services check the role): the body's {@code type} picks the channel
 * type's own settings. Secrets go in and never come out.
 */
@Path("channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelResource {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject ChannelService channels;
  @Inject EmailChannelService emailChannels;
  @Inject WhatsAppChannelService whatsappChannels;
  @Inject OAuthConnectService oauth;
  @Context UriInfo uriInfo;

  @GET
  public List<ChannelView> list() {
    return channels.list();
  }

  @GET
  @Path("{id}")
  public ChannelView get(@PathParam("id") long id) {
    return channels.get(id).orElseThrow(() -> new NotFoundException("Channel", id));
  }

  @POST
  public Response create(JsonObject body) {
    Created.requireBody(body);
    ChannelView created =
        switch (type(body)) {
          case EMAIL -> emailChannels.create(read(body, EmailChannelRequest.class));
          case WHATSAPP -> whatsappChannels.create(read(body, WhatsAppChannelRequest.class));
        };
    return Created.at(uriInfo, created.id(), created).build();
  }

  @PATCH
  @Path("{id}")
  public ChannelView update(@PathParam("id") long id, JsonObject body) {
    Created.requireBody(body);
    return switch (channels.typeOf(id)) {
      case EMAIL -> emailChannels.update(id, read(body, EmailChannelRequest.class));
      case WHATSAPP -> whatsappChannels.update(id, read(body, WhatsAppChannelRequest.class));
    };
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    channels.delete(id);
    return Response.noContent().build();
  }

  /** Polls a mailbox now and answers with its health. */
  @POST
  @Path("{id}/poll")
  public ChannelView poll(@PathParam("id") long id) {
    requireEmail(id);
    return emailChannels.pollNow(id);
  }

  /** Tries the stored settings against the servers. */
  @POST
  @Path("{id}/test")
  public ConnectionTest test(@PathParam("id") long id) {
    requireEmail(id);
    return emailChannels.testConnection(id);
  }

  /** Where the admin's browser goes to let Ventanilla read the mailbox (OAuth2 with PKCE). */
  public record OAuthStart(String authorizationUrl) {}

  @POST
  @Path("{id}/oauth/start")
  public OAuthStart startOAuth(@PathParam("id") long id, @Context HttpServletRequest request) {
    requireEmail(id);
    return new OAuthStart(oauth.start(id, RequestBase.of(request)));
  }

  @GET
  @Path("{id}/quarantine")
  public List<QuarantineView> quarantine(@PathParam("id") long id) {
    requireEmail(id);
    return emailChannels.quarantine(id);
  }

  /** Bounces and auto-replies that concern nothing of ours, newest first (admins only). */
  @GET
  @Path("{id}/bounces")
  public Page<MailNoticeView> bounces(
      @PathParam("id") long id,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    requireEmail(id);
    return emailChannels.notices(id, Page.request(page, size));
  }

  @POST
  @Path("{id}/quarantine/{entry}/reprocess")
  public QuarantineView reprocess(@PathParam("id") long id, @PathParam("entry") long entry) {
    requireEmail(id);
    return emailChannels.reprocess(id, entry);
  }

  @GET
  @Path("{id}/quarantine/{entry}/raw")
  @Produces("message/rfc822")
  public Response raw(@PathParam("id") long id, @PathParam("entry") long entry) {
    requireEmail(id);
    return Response.ok(emailChannels.quarantinedSource(id, entry))
        .header("Content-Disposition", "attachment; filename=\"quarantined-" + entry + ".eml\"")
        .build();
  }

  private void requireEmail(long id) {
    if (channels.typeOf(id) != ChannelType.EMAIL) {
      throw new NotFoundException("Mailbox", id);
    }
  }

  /** A WhatsApp number's approved templates (WhatsApp channels only). */
  @GET
  @Path("{id}/templates")
  public List<WhatsAppTemplateView> templates(@PathParam("id") long id) {
    return whatsappChannels.templates(id);
  }

  /**
   * Reads the account's templates now ({@code GET /{waba-id}/message_templates}, every page) and
   * answers how many were read, approved and gone.
   */
  @POST
  @Path("{id}/templates/sync")
  public WhatsAppChannelService.SyncResult syncTemplates(@PathParam("id") long id) {
    return whatsappChannels.syncTemplates(id);
  }

  @POST
  @Path("{id}/templates")
  public Response addTemplate(@PathParam("id") long id, WhatsAppTemplateRequest body) {
    Created.requireBody(body);
    WhatsAppTemplateView created = whatsappChannels.addTemplate(id, body);
    return Created.at(uriInfo, created.id(), created).build();
  }

  @DELETE
  @Path("{id}/templates/{templateId}")
  public Response deleteTemplate(
      @PathParam("id") long id, @PathParam("templateId") long templateId) {
    whatsappChannels.deleteTemplate(id, templateId);
    return Response.noContent().build();
  }

  private static ChannelType type(JsonObject body) {
    if (!(body.get("type") instanceof JsonString type)) {
      throw new InvalidInputException("type is required (email or whatsapp)");
    }
    return Enums.parse(ChannelType.class, "type", type.getString());
  }

  private static <T> T read(JsonObject body, Class<T> type) {
    return JSONB.fromJson(body.toString(), type);
  }
}
