package org.ventanilla.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.ventanilla.common.ChannelType;
import org.ventanilla.customer.Customer;

/**
 * The one way a customer's message is filed, whatever it came by. The channel has parsed it, found
 * the customer and chosen the conversation it continues (or none); filing opens a ticket when there
 * is none, lets the ticket receive the message (which reopens a resolved ticket unless the message
 * is automated, and moves the SLA clocks), lets the channel attach its files and stores the
 * message. A merged ticket's messages land on the ticket it was merged into. Runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class InboundFiling {

  @Inject TicketRepository tickets;
  @Inject SlaTerms.Source sla;
  @Inject Event<TicketOpened> openedEvents;

  /** How a new conversation starts when the message continues none. */
  public record Opening(ChannelType kind, Long channelId, String subject, String openedBy) {}

  /** Where the message went. */
  public record Filed(Ticket ticket, Message message, boolean opened) {}

  public Filed file(
      Customer customer,
      Optional<Ticket> thread,
      Opening opening,
      InboundContent content,
      Instant at,
      Consumer<Message> attach) {
    // A merged ticket takes no messages: they continue the ticket it was merged into.
    Optional<Ticket> conversation = thread.map(Ticket::conversation);
    Ticket ticket =
        conversation.orElseGet(
            () -> {
              Ticket opened =
                  Ticket.open(
                      tickets.nextNumber(),
                      opening.subject(),
                      content.text(),
                      opening.kind(),
                      opening.channelId(),
                      customer,
                      opening.openedBy(),
                      at,
                      sla);
              tickets.add(opened);
              return opened;
            });
    Message message = ticket.receive(content, at, sla);
    attach.accept(message);
    tickets.add(message);
    if (conversation.isEmpty()) {
      openedEvents.fire(new TicketOpened(ticket.getId(), message.getId()));
    }
    return new Filed(ticket, message, conversation.isEmpty());
  }
}
