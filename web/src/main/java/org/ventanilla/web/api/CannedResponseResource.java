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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.ventanilla.template.CannedResponseRequest;
import org.ventanilla.template.CannedResponseService;
import org.ventanilla.template.CannedResponseView;

/**
 * Canned responses: the shared ones and the caller's own. Admins manage the shared ones, every
 * agent their own; the service enforces it.
 */
@Path("canned-responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CannedResponseResource {

  @Inject CannedResponseService canned;
  @Context UriInfo uriInfo;

  @GET
  public List<CannedResponseView> list() {
    return canned.available();
  }

  @POST
  public Response create(CannedResponseRequest request) {
    CannedResponseView created = canned.create(require(request));
    return Created.at(uriInfo, created.id(), created).build();
  }

  /** Replaces name, shortcut and body (all three are required). */
  @PATCH
  @Path("{id}")
  public CannedResponseView update(@PathParam("id") long id, CannedResponseRequest request) {
    return canned.update(id, require(request));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    canned.delete(id);
    return Response.noContent().build();
  }

  private static CannedResponseRequest require(CannedResponseRequest request) {
    Created.requireBody(request);
    return request;
  }
}
