package org.ventanilla.common;

/** Input that can never be valid, whatever the state: a missing field, a malformed address. */
public class InvalidInputException extends DomainException {

  public InvalidInputException(String message) {
    super("invalid_input", message);
  }

  public InvalidInputException(String code, String message) {
    super(code, message);
  }
}
