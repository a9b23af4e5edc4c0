package org.ventanilla.ticket;

import java.time.Instant;
import org.ventanilla.common.ChannelType;

/**
 * The port through which a conversation's replies leave: what the ticket domain needs from the
 * channel a ticket runs through. Each channel kind implements it once (a CDI bean in its own
 * package); {@link ReplyChannels} picks the one for a ticket's {@link Ticket#getChannel() kind}.
 * Every method runs in the caller's transaction.
 */
public interface ReplyChannel {

  /** The kind of channel this implementation speaks for. */
  ChannelType kind();

  /** What may be sent on the ticket now. */
  ReplyWindow window(Ticket ticket, Instant now);

  /** Refuses a free-form reply the channel cannot send now (a clear domain error). */
  void requireFreeForm(Ticket ticket, Instant now);

  /** The text a template reply will show, its parameters filled in; refused if unknown. */
  String templateText(Ticket ticket, TemplateReply template);

  /** Remembers that {@code reply} (stored already, its id assigned) leaves as this template. */
  void rememberTemplate(Message reply, TemplateReply template);

  /**
   * Queues the stored reply for delivery through the ticket's channel; nothing when that channel is
   * switched off (the reply stays on the ticket, marked queued).
   */
  void send(Ticket ticket, Message reply, Instant now);
}
