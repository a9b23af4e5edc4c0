package org.ventanilla.web.profile;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.Availability;
import org.ventanilla.agent.NotificationChoices;
import org.ventanilla.agent.ProfileChanges;
import org.ventanilla.agent.ProfileView;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.faces.Menus;
import org.ventanilla.web.i18n.LanguageSelector;

/**
 * /profile.xhtml: the signed-in agent changes their own name, language, time zone, signature,
 * availability and which events they hear of. The service only ever touches the caller's profile.
 */
@Named
@ViewScoped
public class ProfilePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AgentService agents;
  @Inject LanguageSelector language;

  private String username;
  private String displayName;
  private String locale;
  private String timeZone;
  private String signature;
  private String availability;
  private boolean notifyAssigned;
  private boolean notifyCustomer;
  private boolean notifySla;
  private boolean notifyEmail;

  /** f:viewAction: the stored profile. */
  public void load() {
    show(agents.profile());
  }

  private void show(ProfileView profile) {
    username = profile.username();
    displayName = profile.displayName();
    locale = profile.locale() != null ? profile.locale() : language.getLanguage();
    timeZone = profile.timeZone() != null ? profile.timeZone() : language.getTimeZone();
    signature = profile.signature();
    availability = profile.availability();
    NotificationChoices n = profile.notifications();
    notifyAssigned = n.assigned();
    notifyCustomer = n.customerWrote();
    notifySla = n.slaWarning();
    notifyEmail = n.byEmail();
  }

  public void save() {
    ProfileChanges changes =
        new ProfileChanges(
            displayName,
            locale,
            timeZone,
            signature,
            availability,
            new NotificationChoices(notifyAssigned, notifyCustomer, notifySla, notifyEmail));
    Feedback.call(() -> agents.updateProfile(changes))
        .ifPresent(
            saved -> {
              show(saved);
              // The session's language and zone follow at once, not at the next sign-in.
              language.setLanguage(saved.locale());
              language.setTimeZone(saved.timeZone());
              Feedback.info("profile.saved");
            });
  }

  public List<String> getAvailabilityValues() {
    return Menus.of(Availability.class);
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getSignature() {
    return signature;
  }

  public void setSignature(String signature) {
    this.signature = signature;
  }

  public String getAvailability() {
    return availability;
  }

  public void setAvailability(String availability) {
    this.availability = availability;
  }

  public boolean isNotifyAssigned() {
    return notifyAssigned;
  }

  public void setNotifyAssigned(boolean notifyAssigned) {
    this.notifyAssigned = notifyAssigned;
  }

  public boolean isNotifyCustomer() {
    return notifyCustomer;
  }

  public void setNotifyCustomer(boolean notifyCustomer) {
    this.notifyCustomer = notifyCustomer;
  }

  public boolean isNotifySla() {
    return notifySla;
  }

  public void setNotifySla(boolean notifySla) {
    this.notifySla = notifySla;
  }

  public boolean isNotifyEmail() {
    return notifyEmail;
  }

  public void setNotifyEmail(boolean notifyEmail) {
    this.notifyEmail = notifyEmail;
  }
}
