package org.ventanilla.web.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ventanilla.common.ConflictException;
import org.ventanilla.common.ContentTooLargeException;
import org.ventanilla.common.DomainException;
import org.ventanilla.common.ForbiddenException;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.StaleVersionException;
import org.ventanilla.ticket.IllegalTransitionException;

/** Every failure becomes {"error","message"} JSON with a fitting status; never a stack trace. */
public final class ErrorMappers {

  private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

  private ErrorMappers() {}

  static Response of(DomainException e) {
    int status;
    if (e instanceof org.ventanilla.common.NotFoundException) {
      status = 404;
    } else if (e instanceof ForbiddenException) {
      status = 403;
    } else if (e instanceof ContentTooLargeException) {
      status = 413;
    } else if (e instanceof StaleVersionException) {
      status = 412;
    } else if (e instanceof IllegalTransitionException || e instanceof ConflictException) {
      status = 409;
    } else if (e instanceof InvalidInputException) {
      status = 422;
    } else {
      status = 400;
    }
    return ApiError.response(status, e.code(), e.getMessage());
  }

  /** Rules of the domain. */
  @Provider
  public static class Domain implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
      return of(e);
    }
  }

  /** Failures that the EJB container wrapped: access denied, concurrent edits, or real bugs. */
  @Provider
  public static class Ejb implements ExceptionMapper<EJBException> {
    @Override
    public Response toResponse(EJBException e) {
      if (e instanceof EJBAccessException) {
        LOG.info(() -> "Access refused by role: " + e.getMessage());
        return ApiError.response(403, "forbidden", "Your role does not allow this");
      }
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof DomainException domain) {
          return of(domain);
        }
        if (cause instanceof OptimisticLockException
            || cause instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
          return ApiError.response(
              409, "conflict", "Someone else changed this at the same time; reload and retry");
        }
      }
      LOG.log(Level.SEVERE, "Unexpected failure in a service", e);
      return ApiError.response(500, "internal_error", "Something went wrong on our side");
    }
  }

  /** JAX-RS's own answers (404 for unknown paths, 405, 415...) in our JSON shape. */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      String code =
          switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
          };
      String message =
          e instanceof NotFoundException ? "No such resource" : safeMessage(e, "Request refused");
      if (status == 400 && isJsonProblem(e)) {
        message = "The request body is not valid JSON for this resource";
      }
      Response.ResponseBuilder builder =
          Response.fromResponse(ApiError.response(status, code, message));
      return builder.build();
    }
  }

  /** Bodies that cannot be read as the expected JSON. */
  @Provider
  public static class Json implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return ApiError.response(
          400, "bad_request", "The request body is not valid JSON for this resource");
    }
  }

  /** A body that JSON-P cannot read (JsonObject parameters): empty, cut short, not JSON. */
  @Provider
  public static class JsonP implements ExceptionMapper<jakarta.json.JsonException> {
    @Override
    public Response toResponse(jakarta.json.JsonException e) {
      return ApiError.response(
          400, "bad_request", "The request body is not valid JSON for this resource");
    }
  }

  /** Reading or writing an entity failed. */
  @Provider
  public static class Processing implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return ApiError.response(
          400, "bad_request", "The request body is not valid JSON for this resource");
    }
  }

  /** The last resort: logged with its stack trace here, a plain message for the client. */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      LOG.log(Level.SEVERE, "Unexpected failure in the API", e);
      return ApiError.response(500, "internal_error", "Something went wrong on our side");
    }
  }

  private static boolean isJsonProblem(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonbException || cause instanceof jakarta.json.JsonException) {
        return true;
      }
    }
    return false;
  }

  private static String safeMessage(WebApplicationException e, String fallback) {
    String message = e.getMessage();
    if (message == null || message.contains("Exception") || message.length() > 200) {
      return fallback;
    }
    return message;
  }
}
