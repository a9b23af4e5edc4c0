package org.ventanilla.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import org.ventanilla.common.InvalidInputException;

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

  private static final ReplyChannel NONE =
      new ReplyChannel() {
        @Override
        public org.ventanilla.common.ChannelType kind() {
          return null;
        }

        @Override
        public ReplyWindow window(Ticket ticket, Instant now) {
          return ReplyWindow.unrestricted();
        }

        @Override
        public void requireFreeForm(Ticket ticket, Instant now) {
          // no channel, no limits
        }

        @Override
        public String templateText(Ticket ticket, TemplateReply template) {
          throw new InvalidInputException(
              "invalid_template", "Templates are for tickets that run through a WhatsApp channel");
        }

        @Override
        public void rememberTemplate(Message reply, TemplateReply template) {
          // unreachable: templateText refused
        }

        @Override
        public void send(Ticket ticket, Message reply, Instant now) {
          // recorded through the API: nothing to send through
        }
      };
}
