package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.ventanilla.ticket.AttachmentDownloads;

/**
 * A message's attachment, downloaded: always as a file to save, never rendered in our origin. The
 * sender chose the name and the type, so the name goes out as a plain ASCII fallback plus its exact
 * UTF-8 form (RFC 6266), and a type a browser would run (HTML, SVG, XML) goes out as bytes.
 */
@Path("attachments")
public class AttachmentResource {

  /** Types a browser shows passively; everything else is served as application/octet-stream. */
  private static final Set<String> PASSIVE_TYPES =
      Set.of(
          "image/png",
          "image/jpeg",
          "image/gif",
          "image/webp",
          "application/pdf",
          "text/plain",
          "text/csv",
          "audio/ogg",
          "audio/mpeg",
          "audio/aac",
          "audio/mp4",
          "video/mp4",
          "video/3gpp");

  @Inject AttachmentDownloads downloads;

  @GET
  @Path("{id}")
  public Response download(@PathParam("id") long id) {
    AttachmentDownloads.Download file = downloads.get(id);
    StreamingOutput body = out -> Files.copy(file.file(), out);
    return Response.ok(body, servedType(file.contentType()))
        .header("Content-Disposition", contentDisposition(file.filename()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Cache-Control", "private, no-store")
        .build();
  }

  static String servedType(String declared) {
    String base =
        declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!PASSIVE_TYPES.contains(base)) {
      return "application/octet-stream";
    }
    return base.startsWith("text/") ? base + "; charset=UTF-8" : base;
  }

  /** {@code attachment; filename="ascii"; filename*=UTF-8''exact}: nothing can end the header. */
  static String contentDisposition(String name) {
    String ascii =
        Normalizer.normalize(name, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("[^A-Za-z0-9._ ()-]", "_")
            .strip();
    if (ascii.isEmpty() || ascii.matches("[._]*")) {
      ascii = "attachment";
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(name);
  }

  private static String rfc5987(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.write(c);
      } else {
        out.writeBytes(("%" + String.format("%02X", c)).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
