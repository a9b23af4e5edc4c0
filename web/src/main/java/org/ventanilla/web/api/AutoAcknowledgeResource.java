package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ventanilla.automation.AutoAcknowledgeSettings;
import org.ventanilla.automation.AutoAcknowledgements;

/** A channel's acknowledgement of new tickets, for admins (the service checks the role). */
@Path("channels/{id}/auto-acknowledge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutoAcknowledgeResource {

  @Inject AutoAcknowledgements acknowledgements;

  @GET
  public AutoAcknowledgeSettings get(@PathParam("id") long id) {
    return acknowledgements.get(id);
  }

  @PUT
  public AutoAcknowledgeSettings put(@PathParam("id") long id, AutoAcknowledgeSettings request) {
    Created.requireBody(request);
    return acknowledgements.change(id, request);
  }
}
