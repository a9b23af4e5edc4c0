package org.ventanilla.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.ventanilla.common.InvalidInputException;

/** The one way a resource answers a create: 201 with the new resource's Location and body. */
final class Created {

  private Created() {}

  static Response.ResponseBuilder at(UriInfo uriInfo, Object id, Object entity) {
    return at(uriInfo.getAbsolutePathBuilder().path(String.valueOf(id)).build(), entity);
  }

  /** A create whose resource lives elsewhere than under the request's path. */
  static Response.ResponseBuilder at(URI location, Object entity) {
    return Response.created(location).entity(entity);
  }

  /** The one check that a request carries a JSON body (400 otherwise). */
  static <T> T requireBody(T body) {
    if (body == null) {
      throw new InvalidInputException("A JSON body is required");
    }
    return body;
  }
}
