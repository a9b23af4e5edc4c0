package org.ventanilla.csat;

import java.time.Instant;
import org.ventanilla.common.ChannelType;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.Ticket;

/**
 * The port a channel implements when its survey is more than a link in a message (WhatsApp: reply
 * buttons inside the 24-hour window, a template with a URL button outside it). Channels without one
 * get the link as the text of an ordinary outbound message. Runs in the caller's transaction.
 */
public interface SurveyInvitation {

  ChannelType kind();

  /** The text the ticket shows for the invitation. */
  String text(Ticket ticket, String link, Instant now);

  /** Queues the stored {@code message} as the survey carrying {@code token}. */
  void send(Ticket ticket, Message message, String token, CsatSettings settings, Instant now);
}
