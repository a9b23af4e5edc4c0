package org.ventanilla.common;

/** The caller edited a version that is no longer the current one (HTTP If-Match failed). */
public class StaleVersionException extends DomainException {

  public StaleVersionException(long expected, long actual) {
    super(
        "stale_version",
        "The ticket changed meanwhile (version " + actual + ", you had " + expected + ")");
  }
}
