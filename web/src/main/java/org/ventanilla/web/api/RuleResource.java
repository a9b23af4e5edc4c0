package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.ventanilla.automation.RuleService;

/** Automation rules, for admins (the service checks the role). */
@Path("rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleResource {

  @Inject RuleService rules;
  @Context UriInfo uriInfo;

  @GET
  public List<JsonObject> list() {
    return rules.list();
  }

  @POST
  public Response create(JsonObject body) {
    Created.requireBody(body);
    JsonObject created = rules.create(body);
    return Created.at(uriInfo, created.getInt("id"), created).build();
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") long id) {
    return rules.get(id);
  }

  @PUT
  @Path("{id}")
  public JsonObject update(@PathParam("id") long id, JsonObject body) {
    Created.requireBody(body);
    return rules.update(id, body);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    rules.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/dry-run")
  public JsonObject dryRun(
      @PathParam("id") long id,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return rules.dryRun(id, page, Math.min(Math.max(size, 1), 200));
  }
}
