package org.ventanilla.common;

/** The thing asked for does not exist (or the caller may not know that it does). */
public class NotFoundException extends DomainException {

  public NotFoundException(String what, Object key) {
    super("not_found", what + " " + key + " does not exist");
  }
}
