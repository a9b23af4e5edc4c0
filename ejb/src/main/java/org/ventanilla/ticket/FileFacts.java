package org.ventanilla.ticket;

/** What a channel needs to know of a file before it accepts to send it: its name, type and size. */
public record FileFacts(String filename, String contentType, long size) {

  static FileFacts of(Upload upload) {
    return new FileFacts(upload.getFilename(), upload.getContentType(), upload.getSize());
  }
}
