package org.ventanilla.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the API refuses before a resource sees it, with a 400 instead of a failure deep down:
 *
 * <ul>
 *   <li>NUL characters in a parameter or in a JSON body's strings (the escape backslash-u0000):
 *       PostgreSQL cannot store them in text, and no honest client sends them;
 *   <li>JSON nested deeper than {@value #MAX_DEPTH} levels: ours nests three at most, and the
 *       parser's own limit (1000) fails with an error that is no client's fault to read.
 * </ul>
 *
 * The webhook keeps its raw bytes (they are signed) and checks them itself.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class InputGuard implements ContainerRequestFilter {

  static final int MAX_DEPTH = 32;

  /**
   * A JSON body's bytes: room for a 1,000,000-character message text however it is escaped. The
   * server takes larger requests (uploads go up to 100 MB), JSON never.
   */
  static final int MAX_JSON_BYTES = 8 * 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("webhooks/")) {
      return;
    }
    if (hasNul(request.getUriInfo().getQueryParameters())
        || hasNul(request.getUriInfo().getPathParameters())) {
      request.abortWith(invalidCharacter());
      return;
    }
    MediaType type = request.getMediaType();
    if (!request.hasEntity() || type == null || !type.getSubtype().toLowerCase().contains("json")) {
      return;
    }
    byte[] body;
    try (InputStream in = request.getEntityStream()) {
      body = in.readNBytes(MAX_JSON_BYTES + 1);
    }
    if (body.length > MAX_JSON_BYTES) {
      request.abortWith(ApiError.response(413, "payload_too_large", "A JSON body is at most 8 MB"));
      return;
    }
    String problem = problem(new String(body, StandardCharsets.UTF_8));
    if (problem != null) {
      request.abortWith(
          problem.equals("nul")
              ? invalidCharacter()
              : ApiError.response(
                  400,
                  "bad_request",
                  "The request body nests deeper than " + MAX_DEPTH + " levels"));
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  private static boolean hasNul(Map<String, List<String>> parameters) {
    return parameters.values().stream().flatMap(List::stream).anyMatch(v -> v.indexOf('\0') >= 0);
  }

  private static jakarta.ws.rs.core.Response invalidCharacter() {
    return ApiError.response(
        400, "invalid_character", "NUL characters are not accepted in any value");
  }

  /** "nul", "depth" or null: one pass over the JSON text, strings skipped. */
  static String problem(String json) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\0') {
        return "nul";
      }
      if (inString) {
        if (c == '\\' && i + 1 < json.length()) {
          if (json.startsWith("u0000", i + 1)) {
            return "nul";
          }
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          return "depth";
        }
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return null;
  }
}
