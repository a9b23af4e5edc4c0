package org.ventanilla.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.AgentView;

/**
 * The language of this session: the browser's preference among Spanish and English until the agent
 * picks one.
 */
@Named
@SessionScoped
public class LanguageSelector implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final List<String> SUPPORTED = List.of("es", "en");

  /** Offered in the header; the agent's stored zone is used even when it is not in this list. */
  private static final List<String> ZONES =
      List.of(
          "Europe/Madrid",
          "Atlantic/Canary",
          "Europe/London",
          "America/Mexico_City",
          "America/Bogota",
          "America/Lima",
          "America/Santiago",
          "America/Argentina/Buenos_Aires",
          "UTC");

  @Inject AgentService agents;

  private Locale chosen;
  private ZoneId zone;
  private boolean preferencesRead;

  public Locale getLocale() {
    readPreferences();
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
      if (signedIn()) {
        agents.updateOwnPreferences(null, language, null);
      }
      if (FacesContext.getCurrentInstance().getViewRoot() != null) {
        FacesContext.getCurrentInstance().getViewRoot().setLocale(chosen);
      }
    }
  }

  /** The agent's time zone for dates on the pages; the server's until the agent picks one. */
  public ZoneId getZone() {
    readPreferences();
    return zone != null ? zone : ZoneId.systemDefault();
  }

  public String getTimeZone() {
    return getZone().getId();
  }

  public void setTimeZone(String timeZone) {
    if (timeZone != null && ZoneId.getAvailableZoneIds().contains(timeZone)) {
      zone = ZoneId.of(timeZone);
      if (signedIn()) {
        agents.updateOwnPreferences(null, null, timeZone);
      }
    }
  }

  public List<String> getTimeZones() {
    if (ZONES.contains(getTimeZone())) {
      return ZONES;
    }
    return java.util.stream.Stream.concat(Stream.of(getTimeZone()), ZONES.stream()).toList();
  }

  /** Once per session, after sign-in: the language and zone the agent chose last time. */
  private void readPreferences() {
    if (preferencesRead || !signedIn()) {
      return;
    }
    preferencesRead = true;
    AgentView me = agents.current();
    if (chosen == null && me.locale() != null && SUPPORTED.contains(me.locale())) {
      chosen = Locale.forLanguageTag(me.locale());
    }
    if (zone == null
        && me.timeZone() != null
        && ZoneId.getAvailableZoneIds().contains(me.timeZone())) {
      zone = ZoneId.of(me.timeZone());
    }
  }

  private static boolean signedIn() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context != null && context.getExternalContext().getUserPrincipal() != null;
  }

  public List<String> getLanguages() {
    return SUPPORTED;
  }
}
