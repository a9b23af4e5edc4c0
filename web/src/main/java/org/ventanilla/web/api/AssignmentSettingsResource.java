package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ventanilla.automation.Assignment;
import org.ventanilla.automation.AssignmentSettings;

/** How new tickets are shared out, for admins (the service checks the role). */
@Path("settings/assignment")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentSettingsResource {

  @Inject Assignment assignment;

  @GET
  public AssignmentSettings get() {
    return assignment.settings();
  }

  @PUT
  public AssignmentSettings put(AssignmentSettings request) {
    Created.requireBody(request);
    return assignment.change(request);
  }
}
