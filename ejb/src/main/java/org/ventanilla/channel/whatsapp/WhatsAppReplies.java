package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.Times;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.Ticket;

/** WhatsApp's rules for agents' replies, applied by the ticket service in its transaction. */
@ApplicationScoped
public class WhatsAppReplies {

  @Inject WhatsAppRepository whatsapp;

  /** Free text may go out only within 24 hours of the customer's last message. */
  public void requireFreeFormAllowed(Ticket ticket, Instant now) {
    if (ticket.getSource() instanceof WhatsAppChannel) {
      CustomerServiceWindow.requireOpen(ticket.getLastInboundAt(), now);
    }
  }

  /** The 24-hour window of a ticket and, for when it is closed, its channel's templates. */
  public ReplyWindow window(Ticket ticket, Instant now) {
    if (!(ticket.getSource() instanceof WhatsAppChannel channel)) {
      return ReplyWindow.unrestricted();
    }
    Instant last = ticket.getLastInboundAt();
    return new ReplyWindow(
        true,
        CustomerServiceWindow.isOpen(last, now),
        last == null ? null : Times.utc(last.plus(CustomerServiceWindow.LENGTH)),
        whatsapp.templates(channel).stream().map(WhatsAppTemplateView::of).toList());
  }

  /** The template's text with the parameters filled in, as the ticket will show it. */
  public String templateText(Ticket ticket, TemplateReply reply) {
    if (!(ticket.getSource() instanceof WhatsAppChannel channel)) {
      throw new InvalidInputException(
          "invalid_template", "Templates are for tickets that run through a WhatsApp channel");
    }
    if (reply.name() == null || reply.language() == null) {
      throw new InvalidInputException("template.name and template.language are required");
    }
    return whatsapp
        .template(channel, reply.name(), reply.language())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "unknown_template",
                    "No template "
                        + reply.name()
                        + " ("
                        + reply.language()
                        + ") is registered on this channel"))
        .fill(parameters(reply));
  }

  /** Remembers that {@code message} leaves as this template (its id is assigned already). */
  public void rememberTemplate(Message message, TemplateReply reply) {
    whatsapp.add(
        new TemplateSend(message.getId(), reply.name(), reply.language(), parameters(reply)));
  }

  private static List<String> parameters(TemplateReply reply) {
    return reply.parameters() == null ? List.of() : reply.parameters();
  }
}
