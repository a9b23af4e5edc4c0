package org.ventanilla.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * The country whose numbering plan reads a phone number written without a country code ({@code
 * VENTANILLA_DEFAULT_REGION}, ES unless set).
 */
@ApplicationScoped
public class DefaultRegion {

  private final String code =
      Settings.get("ventanilla.default.region").orElse("ES").toUpperCase(Locale.ROOT);

  public String code() {
    return code;
  }
}
