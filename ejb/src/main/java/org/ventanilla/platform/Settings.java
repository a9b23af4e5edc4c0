package org.ventanilla.platform;

import java.util.Optional;

/**
 * Reads a setting from a system property ({@code ventanilla.data.dir}) or, failing that, the
 * environment ({@code VENTANILLA_DATA_DIR}); the start scripts and the tests use either.
 */
public final class Settings {

  private Settings() {}

  public static Optional<String> get(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(property.toUpperCase().replace('.', '_'));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
