package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.ticket.Uploads;

/**
 * Files for a reply or note not sent yet: {@code multipart/form-data} with one part {@code file}
 * answers 201 {@code {"id","filename","contentType","size"}}; the id then goes in a reply's {@code
 * uploads}. The type is read from the bytes, not taken from the part's header.
 */
@Path("uploads")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

  @Inject Uploads uploads;
  @Context UriInfo uriInfo;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(List<EntityPart> parts) throws IOException {
    EntityPart file =
        parts == null
            ? null
            : parts.stream().filter(p -> "file".equals(p.getName())).findFirst().orElse(null);
    if (file == null) {
      throw new InvalidInputException("A multipart part named file is required");
    }
    try (InputStream content = file.getContent()) {
      Uploads.UploadView upload = uploads.upload(file.getFileName().orElse("attachment"), content);
      return Created.at(uriInfo, upload.id(), upload).build();
    }
  }

  @GET
  @Path("{id}")
  public Uploads.UploadView get(@PathParam("id") String id) {
    return uploads.get(id);
  }
}
