package org.ventanilla.channel.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.ventanilla.channel.Outbox;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.ReplyChannel;
import org.ventanilla.ticket.ReplyWindow;
import org.ventanilla.ticket.TemplateReply;
import org.ventanilla.ticket.Ticket;

/** Mail takes any reply at any time; it leaves through the mailbox's outbox. */
@ApplicationScoped
public class EmailReplies implements ReplyChannel {

  @Inject Outbox outbox;

  @Override
  public ChannelType kind() {
    return ChannelType.EMAIL;
  }

  @Override
  public ReplyWindow window(Ticket ticket, Instant now) {
    return ReplyWindow.unrestricted();
  }

  @Override
  public void requireFreeForm(Ticket ticket, Instant now) {
    // mail has no window
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
    outbox.enqueueThrough(reply, ticket.getSourceId(), now);
  }
}
