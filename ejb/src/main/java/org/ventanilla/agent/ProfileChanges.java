package org.ventanilla.agent;

/** The profile as the agent submits it: every field, since the page shows them all. */
public record ProfileChanges(
    String displayName,
    String locale,
    String timeZone,
    String signature,
    String availability,
    NotificationChoices notifications) {}
