package org.ventanilla.it;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail as the customer's client reads it, whatever its nesting (text only, alternative, mixed
 * with alternative inside): its text part, its HTML part and its files.
 */
final class SentMail {

  private final Part mail;

  SentMail(Part mail) {
    this.mail = mail;
  }

  /** The first text/plain part that is no file; fails when there is none. */
  String text() throws MessagingException, IOException {
    return body(mail, "text/plain");
  }

  /** The first text/html part that is no file; null when the mail has none. */
  String html() throws MessagingException, IOException {
    try {
      return body(mail, "text/html");
    } catch (AssertionError none) {
      return null;
    }
  }

  /** The parts that carry a file name, in order. */
  List<Part> files() throws MessagingException, IOException {
    List<Part> files = new ArrayList<>();
    collectFiles(mail, files);
    return files;
  }

  private static String body(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type) && part.getFileName() == null) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        if (child.isMimeType(type) && child.getFileName() == null
            || child.isMimeType("multipart/*")) {
          try {
            return body(child, type);
          } catch (AssertionError notHere) {
            // the next part may hold it
          }
        }
      }
    }
    throw new AssertionError("the mail has no " + type + " part");
  }

  private static void collectFiles(Part part, List<Part> files)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        collectFiles(multipart.getBodyPart(i), files);
      }
    } else if (part.getFileName() != null) {
      files.add(part);
    }
  }
}
