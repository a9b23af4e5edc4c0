package org.ventanilla.automation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.ventanilla.channel.ChannelRepository;
import org.ventanilla.channel.email.EmailChannel;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.ReplyChannels;
import org.ventanilla.ticket.Ticket;

/**
 * The one place that decides whether an automatic reply may answer a message: never an automatic
 * message (auto-replies, bounces, mailing lists), never our own addresses (two inboxes would answer
 * each other for ever), and on a channel with a window (WhatsApp) only while free text may go.
 */
@ApplicationScoped
public class LoopGuards {

  @Inject ChannelRepository channels;
  @Inject ReplyChannels replies;

  public boolean mayAutoReply(Ticket ticket, Message message, Instant now) {
    if (message.isAutomated()) {
      return false;
    }
    String sender = message.getSenderAddress();
    if (sender != null && isOwnAddress(sender)) {
      return false;
    }
    return replies.of(ticket).window(ticket, now).open();
  }

  private boolean isOwnAddress(String sender) {
    return channels.findAll().stream()
        .filter(EmailChannel.class::isInstance)
        .map(c -> ((EmailChannel) c).getAddress())
        .anyMatch(sender::equalsIgnoreCase);
  }
}
