package org.ventanilla.agent;

/**
 * The events an agent wants to be told of while not looking at the inbox: a ticket assigned to
 * them, their customer writing back, an SLA warning on their ticket; and whether by e-mail too.
 */
public record NotificationChoices(
    boolean assigned, boolean customerWrote, boolean slaWarning, boolean byEmail) {

  /** What a new agent gets: every event in the browser, no e-mail. */
  public static NotificationChoices defaults() {
    return new NotificationChoices(true, true, true, false);
  }
}
