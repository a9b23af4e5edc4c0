package org.ventanilla.web.api;

import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ventanilla.ticket.ReplyDraft;
import org.ventanilla.ticket.Uploads;

/**
 * A reply or note sent as {@code multipart/form-data}: fields {@code text}, {@code cc} and {@code
 * bcc} (each repeated, or one field with addresses separated by commas), {@code uploads} (ids of
 * earlier uploads) and any number of {@code file} parts, each stored as an upload of the caller
 * first, exactly as {@code POST /api/v1/uploads} does.
 */
final class FormDraft {

  private FormDraft() {}

  /** The draft, and the ids of the uploads made from its file parts. */
  record Read(ReplyDraft draft, List<String> storedHere) {}

  static Read read(List<EntityPart> parts, Uploads uploads) throws IOException {
    String text = null;
    List<String> cc = new ArrayList<>();
    List<String> bcc = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> stored = new ArrayList<>();
    try {
      for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
        switch (part.getName()) {
          case "text" -> text = string(part);
          case "cc" -> cc.addAll(addresses(string(part)));
          case "bcc" -> bcc.addAll(addresses(string(part)));
          case "uploads" -> ids.addAll(addresses(string(part)));
          case "file" -> {
            try (InputStream content = part.getContent()) {
              String id = uploads.upload(part.getFileName().orElse("attachment"), content).id();
              stored.add(id);
              ids.add(id);
            }
          }
          default -> {
            // Unknown fields are ignored, as unknown JSON properties are.
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      uploads.discard(stored);
      throw e;
    }
    return new Read(new ReplyDraft(text, cc, bcc, ids), stored);
  }

  private static String string(EntityPart part) throws IOException {
    try (InputStream in = part.getContent()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> addresses(String field) {
    return Arrays.stream(field.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
