package org.ventanilla.ticket;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ventanilla.agent.Role;

/**
 * What an agent's reading and writing tells the customer through the ticket's channel (WhatsApp:
 * read receipts and the typing indicator). Best effort by design: nothing here fails the caller.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class ConversationSignals {

  private static final Logger LOG = Logger.getLogger(ConversationSignals.class.getName());

  @Inject TicketRepository tickets;
  @Inject ReplyChannels channels;
  @Inject Clock clock;

  /** The agent opened the ticket. */
  public void opened(long ticketId) {
    tickets.find(ticketId).ifPresent(t -> quietly(() -> channels.of(t).opened(t, clock.instant())));
  }

  /** The agent is writing a reply (throttled by the channel). */
  public void typing(long ticketId) {
    tickets.find(ticketId).ifPresent(t -> quietly(() -> channels.of(t).typing(t, clock.instant())));
  }

  private static void quietly(Runnable signal) {
    try {
      signal.run();
    } catch (RuntimeException e) {
      LOG.log(Level.INFO, "Conversation signal not sent: " + e.getClass().getSimpleName());
    }
  }
}
