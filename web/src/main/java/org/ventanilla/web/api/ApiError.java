package org.ventanilla.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one error shape of the API: a stable code for programs and a sentence for people. */
public record ApiError(String error, String message) {

  public static Response response(int status, String error, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(error, message))
        .build();
  }
}
