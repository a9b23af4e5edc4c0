package org.ventanilla.common;

import jakarta.ejb.ApplicationException;

/**
 * A rule of the domain said no. Carries a stable machine code for API clients; rolls back the
 * transaction and reaches callers unwrapped by the EJB container.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

  private final String code;

  protected DomainException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
