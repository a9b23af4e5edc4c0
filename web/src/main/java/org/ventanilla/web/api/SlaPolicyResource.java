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
import org.ventanilla.common.NotFoundException;
import org.ventanilla.sla.SlaPolicyRequest;
import org.ventanilla.sla.SlaPolicyService;
import org.ventanilla.sla.SlaPolicyView;

/** SLA policies, for admins (the service checks the role). */
@Path("sla-policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SlaPolicyResource {

  @Inject SlaPolicyService policies;
  @Context UriInfo uriInfo;

  @GET
  public List<SlaPolicyView> list() {
    return policies.list();
  }

  @GET
  @Path("{id}")
  public SlaPolicyView get(@PathParam("id") long id) {
    return policies.get(id).orElseThrow(() -> new NotFoundException("SLA policy", id));
  }

  @POST
  public Response create(SlaPolicyRequest body) {
    SlaPolicyView created = policies.create(required(body));
    return Created.at(uriInfo, created.id(), created).build();
  }

  @PATCH
  @Path("{id}")
  public SlaPolicyView update(@PathParam("id") long id, SlaPolicyRequest body) {
    return policies.update(id, required(body));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    policies.delete(id);
    return Response.noContent().build();
  }

  private static SlaPolicyRequest required(SlaPolicyRequest body) {
    Created.requireBody(body);
    return body;
  }
}
