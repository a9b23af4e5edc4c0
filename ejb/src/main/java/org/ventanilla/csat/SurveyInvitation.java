package org.ventanilla.csat;

import java.time.Instant;
import org.ventanilla.common.ChannelType;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.Ticket;

/**
 * The port each channel implements to send the survey (mail: a link; WhatsApp: reply buttons inside
 * the 24-hour window, a template with a URL button outside it). The ticket's message tells agents
 * that it went out; the token (and so the link) travels only in the customer's copy, which the
 * channel keeps beside the message. Runs in the caller's transaction.
 */
public interface SurveyInvitation {

  ChannelType kind();

  /** The text the ticket shows for the invitation: never the token or the link. */
  String text(Ticket ticket, Instant now);

  /** Queues the stored {@code message}, the customer's copy carrying {@code token}. */
  void send(Ticket ticket, Message message, String token, CsatSettings settings, Instant now);
}
