package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.ventanilla.channel.Channel;
import org.ventanilla.channel.Outbox;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.Times;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.ReplyChannel;
import org.ventanilla.ticket.ReplyTemplate;
import org.ventanilla.ticket.ReplyWindow;
import org.ventanilla.ticket.TemplateReply;
import org.ventanilla.ticket.Ticket;

/** WhatsApp's rules for agents' replies, applied by the ticket service in its transaction. */
@ApplicationScoped
public class WhatsAppReplies implements ReplyChannel {

  @Inject WhatsAppRepository whatsapp;
  @Inject Outbox outbox;
  @PersistenceContext EntityManager em;

  @Override
  public ChannelType kind() {
    return ChannelType.WHATSAPP;
  }

  /** Free text may go out only within 24 hours of the customer's last message. */
  @Override
  public void requireFreeForm(Ticket ticket, Instant now) {
    CustomerServiceWindow.requireOpen(ticket.getLastInboundAt(), now);
  }

  /** The 24-hour window of a ticket and, for when it is closed, its channel's templates. */
  @Override
  public ReplyWindow window(Ticket ticket, Instant now) {
    WhatsAppChannel channel = channelOf(ticket);
    if (channel == null) {
      return ReplyWindow.unrestricted();
    }
    Instant last = ticket.getLastInboundAt();
    return new ReplyWindow(
        true,
        CustomerServiceWindow.isOpen(last, now),
        last == null ? null : Times.utc(last.plus(CustomerServiceWindow.LENGTH)),
        whatsapp.templates(channel).stream()
            .map(
                t ->
                    new ReplyTemplate(
                        t.getId(),
                        t.getName(),
                        t.getLanguage(),
                        t.getParameterCount(),
                        t.getText()))
            .toList());
  }

  /** The template's text with the parameters filled in, as the ticket will show it. */
  @Override
  public String templateText(Ticket ticket, TemplateReply reply) {
    WhatsAppChannel channel = channelOf(ticket);
    if (channel == null) {
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
  @Override
  public void rememberTemplate(Message message, TemplateReply reply) {
    whatsapp.add(
        new TemplateSend(message.getId(), reply.name(), reply.language(), parameters(reply)));
  }

  /** Meta's limits per kind of media, file by file. */
  @Override
  public void requireFilesFit(Ticket ticket, List<org.ventanilla.ticket.FileFacts> files) {
    WhatsAppMedia.requireFits(files);
  }

  @Override
  public void send(Ticket ticket, Message reply, Instant now) {
    outbox.enqueueThrough(reply, ticket.getSourceId(), now);
  }

  private WhatsAppChannel channelOf(Ticket ticket) {
    return ticket.getSourceId() == null
        ? null
        : em.find(Channel.class, ticket.getSourceId()) instanceof WhatsAppChannel channel
            ? channel
            : null;
  }

  private static List<String> parameters(TemplateReply reply) {
    return reply.parameters() == null ? List.of() : reply.parameters();
  }
}
