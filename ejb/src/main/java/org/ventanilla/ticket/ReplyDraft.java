package org.ventanilla.ticket;

import java.util.List;

/**
 * What an agent sends: the text, on mail its CC and BCC, and the ids of files uploaded for it
 * ({@link Uploads}). Each list may be null (none).
 */
public record ReplyDraft(String text, List<String> cc, List<String> bcc, List<String> uploads) {

  public static ReplyDraft text(String text) {
    return new ReplyDraft(text, null, null, null);
  }

  List<String> ccOrEmpty() {
    return cc == null ? List.of() : cc;
  }

  List<String> bccOrEmpty() {
    return bcc == null ? List.of() : bcc;
  }

  List<String> uploadsOrEmpty() {
    return uploads == null ? List.of() : uploads;
  }
}
