package org.ventanilla.automation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.ventanilla.agent.Availability;
import org.ventanilla.agent.AvailabilityChanged;
import org.ventanilla.csat.CsatAnswered;
import org.ventanilla.sla.SlaAlertFired;
import org.ventanilla.ticket.AgentActed;
import org.ventanilla.ticket.CustomerWrote;
import org.ventanilla.ticket.TicketOpened;

/**
 * Runs the automations once the transaction that opened a ticket (brought an agent online, fired an
 * SLA alert, recorded a survey answer) has committed; each step runs in a transaction of its own,
 * so its failure loses no inbound message and does not stop the next step.
 */
@ApplicationScoped
public class TicketTriggers {

  @Inject RuleEngine rules;
  @Inject AutoAcknowledgements acknowledgements;
  @Inject Assignment assignment;

  /** Rules first, then the acknowledgement, then assignment (which leaves a rule's choice). */
  void onOpened(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketOpened opened) {
    try {
      rules.run(RuleDefinition.Event.TICKET_CREATED, opened.ticketId());
    } finally {
      try {
        acknowledgements.acknowledge(opened.ticketId(), opened.messageId());
      } finally {
        assignment.assignOpened(opened.ticketId());
      }
    }
  }

  void onCustomerMessage(@Observes(during = TransactionPhase.AFTER_SUCCESS) CustomerWrote wrote) {
    rules.run(RuleDefinition.Event.CUSTOMER_MESSAGE, wrote.ticketId());
  }

  void onAgentActed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentActed acted) {
    rules.run(
        acted.replied() ? RuleDefinition.Event.AGENT_REPLY : RuleDefinition.Event.TICKET_UPDATED,
        acted.ticketId());
  }

  /** After the alert's claim committed: one rule run per alert, whichever server fired it. */
  void onSlaAlert(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlaAlertFired alert) {
    rules.run(
        alert.breach() ? RuleDefinition.Event.SLA_BREACH : RuleDefinition.Event.SLA_WARNING,
        alert.ticketId());
  }

  /** After the answer committed, so the rules see the ticket's score. */
  void onCsatAnswered(@Observes(during = TransactionPhase.AFTER_SUCCESS) CsatAnswered answered) {
    rules.run(RuleDefinition.Event.CSAT_ANSWERED, answered.ticketId());
  }

  void onAvailability(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) AvailabilityChanged changed) {
    if (changed.availability() == Availability.ONLINE) {
      assignment.shareOut();
    }
  }
}
