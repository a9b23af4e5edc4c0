package org.ventanilla.common;

/**
 * The caller may see the thing but not do this to it: an agent changing the team's shared canned
 * responses or someone else's shared view. The API answers 403, as for a role the caller lacks.
 */
public class ForbiddenException extends DomainException {

  public ForbiddenException(String code, String message) {
    super(code, message);
  }
}
