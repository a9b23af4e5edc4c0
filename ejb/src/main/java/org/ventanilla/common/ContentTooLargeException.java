package org.ventanilla.common;

/** A text or a body larger than we keep: refused whole (413), never stored cut. */
public class ContentTooLargeException extends DomainException {

  public ContentTooLargeException(String what, long limit) {
    super("payload_too_large", what + " is larger than " + limit + " characters");
  }
}
