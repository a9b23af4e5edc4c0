package org.ventanilla.automation;

/**
 * A channel's acknowledgement as the API shows it: {@code
 * {"enabled":true,"text":"...","outOfHoursText":"..."}}; texts take the canned-response variables
 * ({@code {{ticket.number}}}, {@code {{customer.name}}}, {@code {{agent.name}}}).
 */
public record AutoAcknowledgeSettings(Boolean enabled, String text, String outOfHoursText) {

  static final AutoAcknowledgeSettings NONE = new AutoAcknowledgeSettings(false, null, null);
}
