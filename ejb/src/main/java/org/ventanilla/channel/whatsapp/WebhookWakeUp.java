package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts processing once a stored payload is committed, never before (it must be readable). */
@ApplicationScoped
public class WebhookWakeUp {

  @Inject WebhookKicker kicker;

  void afterCommit(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) WhatsAppWebhook.Stored event) {
    kicker.kick();
  }
}
