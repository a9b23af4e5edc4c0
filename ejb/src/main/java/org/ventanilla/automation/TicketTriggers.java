package org.ventanilla.automation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.ventanilla.agent.Availability;
import org.ventanilla.agent.AvailabilityChanged;
import org.ventanilla.ticket.TicketOpened;

/**
 * Runs the automations once the transaction that opened a ticket (or brought an agent online) has
 * committed; each step runs in a transaction of its own, so its failure loses no inbound message
 * and does not stop the next step.
 */
@ApplicationScoped
public class TicketTriggers {

  @Inject AutoAcknowledgements acknowledgements;
  @Inject Assignment assignment;

  void onOpened(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketOpened opened) {
    try {
      acknowledgements.acknowledge(opened.ticketId(), opened.messageId());
    } finally {
      assignment.assignOpened(opened.ticketId());
    }
  }

  void onAvailability(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) AvailabilityChanged changed) {
    if (changed.availability() == Availability.ONLINE) {
      assignment.shareOut();
    }
  }
}
