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
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.tag.TagService;
import org.ventanilla.tag.TagView;

/** Tags: everyone lists and creates them; admins rename, recolour, merge and delete. */
@Path("tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagResource {

  @Context UriInfo uriInfo;

  @Inject TagService tags;

  @GET
  public List<TagView> list() {
    return tags.list();
  }

  @POST
  public Response create(TagBody body) {
    Created.requireBody(body);
    TagView created = tags.create(body.name(), body.colour());
    return Created.at(uriInfo, created.id(), created).build();
  }

  @PATCH
  @Path("{id}")
  public TagView update(@PathParam("id") long id, TagBody body) {
    Created.requireBody(body);
    return tags.update(id, body.name(), body.colour());
  }

  @POST
  @Path("{id}/merge")
  public TagView merge(@PathParam("id") long id, MergeBody body) {
    if (body == null || body.into() == null) {
      throw new InvalidInputException("into is required");
    }
    return tags.merge(id, body.into());
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    tags.delete(id);
    return Response.noContent().build();
  }

  /** A tag's name and colour (#rrggbb). */
  public record TagBody(String name, String colour) {}

  /** The tag that absorbs another. */
  public record MergeBody(Long into) {}
}
