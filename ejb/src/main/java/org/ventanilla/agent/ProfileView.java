package org.ventanilla.agent;

import org.ventanilla.common.Enums;

/** What an agent sees and changes of themselves on the profile page. */
public record ProfileView(
    String username,
    String displayName,
    String locale,
    String timeZone,
    String signature,
    String availability,
    NotificationChoices notifications) {

  static ProfileView of(Agent agent) {
    return new ProfileView(
        agent.getUsername(),
        agent.getDisplayName(),
        agent.getLocale(),
        agent.getTimeZone(),
        agent.getSignature(),
        Enums.json(agent.getAvailability()),
        agent.getNotifications());
  }
}
