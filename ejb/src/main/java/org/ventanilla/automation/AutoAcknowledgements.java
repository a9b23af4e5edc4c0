package org.ventanilla.automation;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.ventanilla.agent.Role;
import org.ventanilla.channel.ChannelRepository;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.sla.SlaPolicy;
import org.ventanilla.sla.SlaPolicyRepository;
import org.ventanilla.template.CannedResponse;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.ReplyChannels;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketRepository;

/**
 * Every new ticket's customer hears at once that we have their message, with its number; outside
 * the business hours of the ticket's SLA policy, with the out-of-hours text. Sent once, when the
 * ticket opens, and only where {@link LoopGuards} allows it. The acknowledgement is an automatic
 * reply: not the first response, no change of status.
 */
@Stateless
@PermitAll
public class AutoAcknowledgements {

  /** How the activity log and the conversation name the acknowledgement. */
  public static final String ACTOR = "Automation: auto-acknowledge";

  private static final Logger LOG = Logger.getLogger(AutoAcknowledgements.class.getName());

  @PersistenceContext EntityManager em;
  @Inject ChannelRepository channels;
  @Inject TicketRepository tickets;
  @Inject SlaPolicyRepository policies;
  @Inject ReplyChannels replies;
  @Inject LoopGuards guards;
  @Inject Clock clock;

  @RolesAllowed(Role.ADMIN_ROLE)
  public AutoAcknowledgeSettings get(long channelId) {
    requireChannel(channelId);
    return find(channelId).map(AutoAcknowledge::view).orElse(AutoAcknowledgeSettings.NONE);
  }

  @RolesAllowed(Role.ADMIN_ROLE)
  public AutoAcknowledgeSettings change(long channelId, AutoAcknowledgeSettings settings) {
    requireChannel(channelId);
    Optional<AutoAcknowledge> existing = find(channelId);
    if (existing.isPresent()) {
      existing.get().change(settings);
      return existing.get().view();
    }
    AutoAcknowledge created = new AutoAcknowledge(channelId, settings);
    em.persist(created);
    return created.view();
  }

  /** Acknowledges the message that opened the ticket, if its channel says so and the guards let. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void acknowledge(long ticketId, long messageId) {
    Optional<Ticket> found = tickets.find(ticketId);
    if (found.isEmpty() || found.get().getSourceId() == null) {
      return;
    }
    Ticket ticket = found.get();
    Optional<AutoAcknowledge> ack = find(ticket.getSourceId()).filter(AutoAcknowledge::isEnabled);
    Message opening = em.find(Message.class, messageId);
    Instant now = clock.instant();
    if (ack.isEmpty() || opening == null || !guards.mayAutoReply(ticket, opening, now)) {
      return;
    }
    String text = CannedResponse.fill(ack.get().textFor(isOpen(ticket, now)), variables(ticket));
    Message reply = ticket.automaticReply(ACTOR, text, now);
    tickets.add(reply);
    replies.of(ticket).send(ticket, reply, now);
    LOG.fine(() -> "Acknowledged ticket " + ticket.getNumber());
  }

  /** Inside the business hours of the SLA policy that applies to the ticket (always, if none). */
  boolean isOpen(Ticket ticket, Instant now) {
    return policies
        .applicable(ticket.getPriority(), ticket.getChannel())
        .map(SlaPolicy::businessHours)
        .map(hours -> hours == null || hours.isOpenAt(now))
        .orElse(true);
  }

  static Map<String, String> variables(Ticket ticket) {
    return Map.of(
        "customer.name", ticket.getCustomer().getName(),
        "agent.name", ticket.getAssignee() == null ? "" : ticket.getAssignee().getDisplayName(),
        "ticket.number", String.valueOf(ticket.getNumber()));
  }

  private Optional<AutoAcknowledge> find(long channelId) {
    return Optional.ofNullable(em.find(AutoAcknowledge.class, channelId));
  }

  private void requireChannel(long channelId) {
    channels.find(channelId).orElseThrow(() -> new NotFoundException("Channel", channelId));
  }
}
