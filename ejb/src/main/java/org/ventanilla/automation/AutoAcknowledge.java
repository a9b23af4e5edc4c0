package org.ventanilla.automation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.ventanilla.common.InvalidInputException;

/** A channel's acknowledgement of each new ticket: one text inside business hours, one outside. */
@Entity
@Table(name = "auto_acknowledge")
public class AutoAcknowledge {

  static final int MAX_TEXT = 4000;

  @Id
  @Column(name = "channel_id")
  private Long channelId;

  @Column(nullable = false)
  private boolean enabled;

  @Column(nullable = false)
  private String body;

  @Column(name = "out_of_hours_body")
  private String outOfHoursBody;

  protected AutoAcknowledge() {}

  public AutoAcknowledge(long channelId, AutoAcknowledgeSettings settings) {
    this.channelId = channelId;
    change(settings);
  }

  public void change(AutoAcknowledgeSettings settings) {
    boolean on = Boolean.TRUE.equals(settings.enabled());
    String text = clean(settings.text());
    if (text == null && on) {
      throw new InvalidInputException("text is required to acknowledge");
    }
    this.enabled = on;
    this.body = text == null ? "" : text;
    this.outOfHoursBody = clean(settings.outOfHoursText());
  }

  private static String clean(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException("texts are at most " + MAX_TEXT + " characters");
    }
    return text.strip();
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** The text for a ticket opened inside ({@code open}) or outside business hours. */
  public String textFor(boolean open) {
    return open || outOfHoursBody == null ? body : outOfHoursBody;
  }

  public AutoAcknowledgeSettings view() {
    return new AutoAcknowledgeSettings(enabled, body.isEmpty() ? null : body, outOfHoursBody);
  }
}
