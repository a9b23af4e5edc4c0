package org.ventanilla.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The one way a resource answers a create: 201 with the new resource's Location and body. */
final class Created {

  private Created() {}

  static Response.ResponseBuilder at(UriInfo uriInfo, Object id, Object entity) {
    return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(id)).build())
        .entity(entity);
  }
}
