package org.ventanilla.common;

/** The request clashes with the current state: a duplicate username, an edit by someone else. */
public class ConflictException extends DomainException {

  public ConflictException(String code, String message) {
    super(code, message);
  }
}
