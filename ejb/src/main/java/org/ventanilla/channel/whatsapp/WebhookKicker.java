package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Processes stored webhook payloads off the request thread, right after they are committed. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookKicker {

  @Inject WebhookProcessor processor;

  @Asynchronous
  public void kick() {
    processor.process();
  }

  /** One more filer while there is backlog (see {@link WebhookProcessor#fileBacklog}). */
  @Asynchronous
  public void fileBacklog() {
    processor.fileBacklog();
  }
}
