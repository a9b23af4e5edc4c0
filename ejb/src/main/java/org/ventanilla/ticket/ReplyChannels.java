package org.ventanilla.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import org.ventanilla.common.ChannelType;

/**
 * Finds the {@link ReplyChannel} of a ticket by its channel kind. A ticket recorded through the API
 * runs through no channel: its replies are stored and go nowhere, and it has no templates.
 */
@ApplicationScoped
public class ReplyChannels {

  @Inject @Any Instance<ReplyChannel> channels;

  public ReplyChannel of(Ticket ticket) {
    if (ticket.getSourceId() == null) {
      return NONE;
    }
    for (ReplyChannel channel : channels) {
      if (channel.kind() == ticket.getChannel()) {
        return channel;
      }
    }
    throw new IllegalStateException("No ReplyChannel for " + ticket.getChannel() + " channels");
  }

  /** A ticket recorded through the API: no window, no templates, nothing to send through. */
  private static final ReplyChannel NONE =
      new ReplyChannel() {
        @Override
        public ChannelType kind() {
          return null;
        }

        @Override
        public void send(Ticket ticket, Message reply, Instant now) {
          // the reply stays on the ticket
        }
      };
}
