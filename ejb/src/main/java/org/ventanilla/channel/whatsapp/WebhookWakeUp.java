package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts processing once a stored payload is committed, never before (it must be readable). */
@ApplicationScoped
public class WebhookWakeUp {

  @Inject WebhookKicker kicker;
  @Inject WebhookProcessor processor;

  void afterCommit(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) WhatsAppWebhook.Stored event) {
    // A pass already running picks the payload up: no thread hand-off per delivery.
    if (processor.request()) {
      kicker.kick();
    }
  }
}
