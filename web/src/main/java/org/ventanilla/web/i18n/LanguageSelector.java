package org.ventanilla.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The language of this session: the browser's preference among Spanish and English until the agent
 * picks one.
 */
@Named
@SessionScoped
public class LanguageSelector implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final List<String> SUPPORTED = List.of("es", "en");

  private Locale chosen;

  public Locale getLocale() {
    if (chosen != null) {
      return chosen;
    }
    // The browser's preferred language among ours; the view root may not exist yet.
    var requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocales();
    while (requested.hasNext()) {
      Locale candidate = requested.next();
      if (SUPPORTED.contains(candidate.getLanguage())) {
        return Locale.forLanguageTag(candidate.getLanguage());
      }
    }
    return Locale.forLanguageTag(SUPPORTED.get(0));
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public void setLanguage(String language) {
    if (language != null && SUPPORTED.contains(language)) {
      chosen = Locale.forLanguageTag(language);
      if (FacesContext.getCurrentInstance().getViewRoot() != null) {
        FacesContext.getCurrentInstance().getViewRoot().setLocale(chosen);
      }
    }
  }

  public List<String> getLanguages() {
    return SUPPORTED;
  }
}
