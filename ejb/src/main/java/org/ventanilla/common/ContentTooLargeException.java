package org.ventanilla.common;

/** A text or a body larger than we keep: refused whole (413), never stored cut. */
public class ContentTooLargeException extends DomainException {

  public ContentTooLargeException(String what, long limit) {
    super("payload_too_large", what + " is larger than " + limit + " characters");
  }

  /** A file or a body over a limit in bytes, said in the caller's words. */
  public ContentTooLargeException(String code, String message) {
    super(code, message);
  }
}
