package org.ventanilla.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import org.ventanilla.common.InvalidInputException;

/** Someone who answers customers. The username is the principal name the realm authenticates. */
@Entity
@Table(name = "agent")
public class Agent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_seq")
  @SequenceGenerator(name = "agent_seq", sequenceName = "agent_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, updatable = false)
  private String username;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Availability availability;

  @Column(nullable = false)
  private boolean active;

  private String locale;

  @Column(name = "time_zone")
  private String timeZone;

  /** Added under the agent's replies (placeholders filled when sent); none when empty. */
  private String signature;

  @Column(name = "notify_assigned", nullable = false)
  private boolean notifyAssigned = true;

  @Column(name = "notify_customer", nullable = false)
  private boolean notifyCustomer = true;

  @Column(name = "notify_sla", nullable = false)
  private boolean notifySla = true;

  @Column(name = "notify_email", nullable = false)
  private boolean notifyEmail;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected Agent() {}

  public Agent(String username, String displayName, String email, Role role, Instant now) {
    this.username = requireText(username, "username");
    this.displayName = displayName == null || displayName.isBlank() ? username : displayName.trim();
    this.email = email;
    this.role = Objects.requireNonNull(role, "role");
    this.availability = Availability.OFFLINE;
    this.active = true;
    this.createdAt = now;
  }

  private static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field + " is required");
    }
    return value.trim();
  }

  public void rename(String newDisplayName) {
    this.displayName = requireText(newDisplayName, "displayName");
  }

  public void changeEmail(String newEmail) {
    this.email = newEmail;
  }

  public void changeRole(Role newRole) {
    this.role = Objects.requireNonNull(newRole, "role");
  }

  public void changeAvailability(Availability newAvailability) {
    this.availability = Objects.requireNonNull(newAvailability, "availability");
  }

  public void activate() {
    this.active = true;
  }

  /** A deactivated agent can no longer sign in (the realm's query skips it) but keeps history. */
  public void deactivate() {
    this.active = false;
    this.availability = Availability.OFFLINE;
  }

  public void changePreferences(String newLocale, String newTimeZone) {
    this.locale = newLocale;
    this.timeZone = newTimeZone;
  }

  /** The agent's own profile: how they are named, sign and want to be told of their tickets. */
  public void changeProfile(String newDisplayName, String newSignature) {
    rename(newDisplayName);
    this.signature = newSignature == null || newSignature.isBlank() ? null : newSignature.strip();
  }

  public void changeNotifications(NotificationChoices choices) {
    Objects.requireNonNull(choices, "notifications");
    this.notifyAssigned = choices.assigned();
    this.notifyCustomer = choices.customerWrote();
    this.notifySla = choices.slaWarning();
    this.notifyEmail = choices.byEmail();
  }

  public NotificationChoices getNotifications() {
    return new NotificationChoices(notifyAssigned, notifyCustomer, notifySla, notifyEmail);
  }

  public String getSignature() {
    return signature;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getEmail() {
    return email;
  }

  public Role getRole() {
    return role;
  }

  public Availability getAvailability() {
    return availability;
  }

  public boolean isActive() {
    return active;
  }

  public String getLocale() {
    return locale;
  }

  public String getTimeZone() {
    return timeZone;
  }

  /** The language the agent reads the app in; Spanish, the app's default, until they choose. */
  public Locale language() {
    return locale == null || locale.isBlank()
        ? Locale.forLanguageTag("es")
        : Locale.forLanguageTag(locale);
  }

  /** The agent's time zone; UTC until they choose one (or for one Java no longer knows). */
  public ZoneId zone() {
    try {
      return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    } catch (DateTimeException unknown) {
      return ZoneOffset.UTC;
    }
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
