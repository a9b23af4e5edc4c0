package org.ventanilla.channel.whatsapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A survey that leaves as more than text: the Cloud API body (reply buttons, or a template with a
 * URL button) without its recipient, which the sender adds.
 */
@Entity
@Table(name = "whatsapp_survey_send")
public class SurveySend {

  @Id
  @Column(name = "message_id")
  private Long messageId;

  @Column(name = "payload_json", nullable = false)
  private String payloadJson;

  protected SurveySend() {}

  SurveySend(long messageId, String payloadJson) {
    this.messageId = messageId;
    this.payloadJson = payloadJson;
  }

  String getPayloadJson() {
    return payloadJson;
  }
}
