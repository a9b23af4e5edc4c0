package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.common.Page;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.ticket.BulkOutcome;
import org.ventanilla.ticket.MessageView;
import org.ventanilla.ticket.NewInboundTicket;
import org.ventanilla.ticket.ReplyDraft;
import org.ventanilla.ticket.TemplateReply;
import org.ventanilla.ticket.TicketBulkActions;
import org.ventanilla.ticket.TicketChanges;
import org.ventanilla.ticket.TicketDetails;
import org.ventanilla.ticket.TicketMerges;
import org.ventanilla.ticket.TicketService;
import org.ventanilla.ticket.TicketSummary;

/** Tickets: list, record an inbound message, read, change, note, reply. */
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

  @Inject TicketService tickets;
  @Inject TicketBulkActions bulk;
  @Inject TicketMerges merges;
  @Context SecurityContext security;
  @Context UriInfo uriInfo;

  @GET
  public Page<TicketSummary> list(
      @QueryParam("status") String status,
      @QueryParam("channel") String channel,
      @QueryParam("assignee") String assignee,
      @QueryParam("priority") String priority,
      @QueryParam("tag") String tag,
      @QueryParam("sla") String sla,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    PageRequest request = Page.request(page, size);
    return tickets.list(
        TicketQueryParams.filter(
            status, channel, assignee, priority, tag, sla, security.getUserPrincipal().getName()),
        request);
  }

  @POST
  public Response create(NewInboundTicket request) {
    Created.requireBody(request);
    TicketDetails created = tickets.recordInbound(request);
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .tag(new EntityTag(String.valueOf(created.version())))
        .entity(created)
        .build();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") long id) {
    TicketDetails ticket = tickets.get(id).orElseThrow(() -> new NotFoundException("Ticket", id));
    return Response.ok(ticket).tag(new EntityTag(String.valueOf(ticket.version()))).build();
  }

  /** Honours If-Match: a stale version gets 412 and changes nothing. */
  @PATCH
  @Path("{id}")
  public Response update(
      @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonObject body) {
    Created.requireBody(body);
    TicketChanges changes =
        new TicketChanges(
            text(body, "status"),
            text(body, "priority"),
            body.containsKey("assignee"),
            text(body, "assignee"),
            strings(body, "tags"),
            null,
            null);
    TicketDetails ticket = tickets.update(id, changes, expectedVersion(ifMatch));
    return Response.ok(ticket).tag(new EntityTag(String.valueOf(ticket.version()))).build();
  }

  /** {@code {"into":id}}: this ticket is merged into that one; answers with the kept ticket. */
  @POST
  @Path("{id}/merge")
  public Response merge(
      @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonObject body) {
    Created.requireBody(body);
    TicketDetails kept = merges.merge(id, number(body, "into"), expectedVersion(ifMatch));
    return Response.ok(kept).tag(new EntityTag(String.valueOf(kept.version()))).build();
  }

  /**
   * {@code {"messageId":id,"following":false}}: the message (and with following the later ones)
   * becomes a new ticket linked to this one; 201 with it.
   */
  @POST
  @Path("{id}/split")
  public Response split(
      @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonObject body) {
    Created.requireBody(body);
    JsonValue following = body.get("following");
    if (following != null
        && following != JsonValue.TRUE
        && following != JsonValue.FALSE
        && following.getValueType() != JsonValue.ValueType.NULL) {
      throw new InvalidInputException("following must be true or false");
    }
    TicketDetails created =
        merges.split(
            id,
            number(body, "messageId"),
            JsonValue.TRUE.equals(following),
            expectedVersion(ifMatch));
    return Response.created(
            uriInfo.getBaseUriBuilder().path("tickets").path(String.valueOf(created.id())).build())
        .tag(new EntityTag(String.valueOf(created.version())))
        .entity(created)
        .build();
  }

  private static Long number(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      return n.longValue();
    }
    throw new InvalidInputException(field + " must be a ticket or message id");
  }

  /**
   * The same change on many tickets, each in its own transaction: {@code {"ids":[..], "assignee"?,
   * "status"?, "addTags"?, "removeTags"?, "versions"?:{"id":version}}} → one result per ticket.
   */
  @POST
  @Path("bulk")
  public BulkResults bulk(JsonObject body) {
    if (body == null || !(body.get("ids") instanceof JsonArray ids)) {
      throw new InvalidInputException("ids are required");
    }
    List<Long> idList = new ArrayList<>();
    for (JsonValue id : ids) {
      if (!(id instanceof JsonNumber number)) {
        throw new InvalidInputException("ids must be numbers");
      }
      idList.add(number.longValue());
    }
    Map<Long, Long> versions = new HashMap<>();
    if (body.get("versions") instanceof JsonObject given) {
      given.forEach(
          (id, version) -> {
            if (!(version instanceof JsonNumber number) || !id.matches("\\d{1,18}")) {
              throw new InvalidInputException("versions must map ticket ids to numbers");
            }
            versions.put(Long.valueOf(id), number.longValue());
          });
    }
    TicketChanges changes =
        new TicketChanges(
            text(body, "status"),
            text(body, "priority"),
            body.containsKey("assignee"),
            text(body, "assignee"),
            null,
            strings(body, "addTags"),
            strings(body, "removeTags"));
    return new BulkResults(bulk.apply(idList, changes, versions));
  }

  /** One outcome per ticket of a bulk action. */
  public record BulkResults(List<BulkOutcome> results) {}

  @POST
  @Path("{id}/notes")
  public Response addNote(@PathParam("id") long id, TextBody body) {
    MessageView note = tickets.addNote(id, body == null ? ReplyDraft.text(null) : body.draft());
    return Created.at(uriInfo, note.id(), note).build();
  }

  @POST
  @Path("{id}/replies")
  public Response reply(@PathParam("id") long id, TextBody body) {
    MessageView reply =
        body != null && body.template() != null
            ? tickets.replyWithTemplate(id, body.template())
            : tickets.reply(id, body == null ? ReplyDraft.text(null) : body.draft());
    return Created.at(uriInfo, reply.id(), reply).build();
  }

  /**
   * A note or a reply: its text, on mail its cc and bcc, the ids of files uploaded for it; a
   * WhatsApp reply may name an approved template instead.
   */
  public record TextBody(
      String text,
      TemplateReply template,
      List<String> cc,
      List<String> bcc,
      List<String> uploads) {
    ReplyDraft draft() {
      return new ReplyDraft(text, cc, bcc, uploads);
    }
  }

  private static String text(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    throw new InvalidInputException(field + " must be a string");
  }

  private static List<String> strings(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      throw new InvalidInputException(field + " must be a list of names");
    }
    List<String> names = new ArrayList<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonString s)) {
        throw new InvalidInputException(field + " must be a list of names");
      }
      names.add(s.getString());
    }
    return names;
  }

  /** "3", W/"3" or * (any version). */
  static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    tag = tag.replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      // An entity tag we never issued can only be stale.
      return -1L;
    }
  }
}
