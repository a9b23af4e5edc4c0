package org.ventanilla.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Dates as people read them: in the session's language and the agent's time zone, and "5 min ago"
 * for recent activity; stored values stay UTC.
 */
@Named("fmt")
@RequestScoped
public class Formats {

  @Inject LanguageSelector language;

  public String dateTime(OffsetDateTime value) {
    if (value == null) {
      return "";
    }
    return value
        .atZoneSameInstant(language.getZone())
        .format(
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.getLocale()));
  }

  /** A time of today as its hour, another as a short date and hour: for badges in a row. */
  public String compact(OffsetDateTime value) {
    if (value == null) {
      return "";
    }
    java.time.ZonedDateTime local = value.atZoneSameInstant(language.getZone());
    boolean today = local.toLocalDate().equals(java.time.LocalDate.now(language.getZone()));
    DateTimeFormatter format =
        today
            ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
            : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.SHORT);
    return local.format(format.withLocale(language.getLocale()));
  }

  /** "hace 5 min" / "5 min ago" within a day, the date and time after that. */
  public String relative(OffsetDateTime value) {
    if (value == null) {
      return "";
    }
    Duration age = Duration.between(value, OffsetDateTime.now());
    ResourceBundle bundle = bundle();
    if (age.toMinutes() < 1) {
      return bundle.getString("time.justNow");
    }
    if (age.toHours() < 1) {
      return java.text.MessageFormat.format(bundle.getString("time.minutesAgo"), age.toMinutes());
    }
    if (age.toDays() < 1) {
      return java.text.MessageFormat.format(bundle.getString("time.hoursAgo"), age.toHours());
    }
    return dateTime(value);
  }

  /** Status, priority and SLA clock values in the activity log, translated; others as they are. */
  public String eventValue(String value) {
    if (value == null) {
      return "";
    }
    ResourceBundle bundle = bundle();
    for (String prefix : new String[] {"status.", "priority.", "sla."}) {
      try {
        return bundle.getString(prefix + value);
      } catch (MissingResourceException notThisKind) {
        // try the next kind of value
      }
    }
    return value;
  }

  private static ResourceBundle bundle() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context.getApplication().getResourceBundle(context, "msg");
  }
}
