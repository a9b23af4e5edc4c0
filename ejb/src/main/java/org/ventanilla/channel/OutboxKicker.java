package org.ventanilla.channel;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Runs an outbox pass off the caller's thread, so a reply is on its way within a moment. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxKicker {

  @Inject OutboxDispatcher dispatcher;

  @Asynchronous
  public void kick() {
    dispatcher.dispatch();
  }
}
