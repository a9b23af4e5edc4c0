package org.ventanilla.channel.email;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The text the customer's survey mail carries, with its single-use link: the message on the ticket
 * only says that the survey went out, so that no agent sees (or opens) the customer's link.
 */
@Entity
@Table(name = "email_survey_send")
public class SurveyMail {

  @Id
  @Column(name = "message_id")
  private Long messageId;

  @Column(name = "text_body", nullable = false)
  private String text;

  protected SurveyMail() {}

  SurveyMail(long messageId, String text) {
    this.messageId = messageId;
    this.text = text;
  }

  String getText() {
    return text;
  }
}
