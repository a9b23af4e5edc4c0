package org.ventanilla.ticket.archfixture;

import org.ventanilla.channel.SendResult;

/**
 * Test fixture only: a ticket class reaching into a channel, which the architecture test reports.
 */
public class TicketThatKnowsAChannel {

  public SendResult leak() {
    return null;
  }
}
