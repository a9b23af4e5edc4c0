package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.ventanilla.agent.AgentChanges;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.AgentView;
import org.ventanilla.agent.NewAgent;
import org.ventanilla.agent.ProfileChanges;
import org.ventanilla.agent.ProfileView;
import org.ventanilla.common.NotFoundException;

/** The team: anyone can list it; admins add and change agents (checked by the service). */
@Path("agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

  @Inject AgentService agents;
  @Context UriInfo uriInfo;

  @GET
  public List<AgentView> list() {
    return agents.list();
  }

  @GET
  @Path("me")
  public AgentView me() {
    return agents.current();
  }

  /** The caller's own profile, as /profile.xhtml shows it (signature included). */
  @GET
  @Path("me/profile")
  public ProfileView profile() {
    return agents.profile();
  }

  /** Every field, as the profile page submits them; only ever the caller's own. */
  @PUT
  @Path("me/profile")
  public ProfileView updateProfile(ProfileChanges changes) {
    Created.requireBody(changes);
    return agents.updateProfile(changes);
  }

  @GET
  @Path("{username}")
  public AgentView get(@PathParam("username") String username) {
    return agents.find(username).orElseThrow(() -> new NotFoundException("Agent", username));
  }

  @POST
  public Response create(NewAgent request) {
    Created.requireBody(request);
    AgentView created = agents.create(request);
    return Created.at(uriInfo, created.username(), created).build();
  }

  @PATCH
  @Path("{username}")
  public AgentView update(@PathParam("username") String username, AgentChanges changes) {
    Created.requireBody(changes);
    return agents.update(username, changes);
  }
}
