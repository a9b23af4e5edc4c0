package org.ventanilla.web.api;

import jakarta.inject.Inject;
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
import org.ventanilla.common.Page;
import org.ventanilla.savedview.SavedViewRequest;
import org.ventanilla.savedview.SavedViewService;
import org.ventanilla.savedview.SavedViewSummary;
import org.ventanilla.ticket.TicketSummary;

/** Saved views of the inbox, with live counts, and the tickets each one shows. */
@Path("views")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SavedViewResource {

  @Context UriInfo uriInfo;

  @Inject SavedViewService views;

  @GET
  public List<SavedViewSummary> list() {
    return views.list();
  }

  @GET
  @Path("{id}")
  public SavedViewSummary get(@PathParam("id") long id) {
    return views.get(id);
  }

  @POST
  public Response create(SavedViewRequest body) {
    Created.requireBody(body);
    SavedViewSummary created = views.create(body);
    return Created.at(uriInfo, created.id(), created).build();
  }

  @PATCH
  @Path("{id}")
  public SavedViewSummary update(@PathParam("id") long id, SavedViewRequest body) {
    Created.requireBody(body);
    return views.update(id, body);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    views.delete(id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/tickets")
  public Page<TicketSummary> tickets(
      @PathParam("id") long id,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return views.tickets(id, Page.request(page, size));
  }
}
