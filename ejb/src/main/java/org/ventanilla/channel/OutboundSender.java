package org.ventanilla.channel;

import org.ventanilla.common.ChannelType;
import org.ventanilla.ticket.Message;

/**
 * Delivers replies for one channel type. The outbox calls {@link #prepare} inside a transaction to
 * read everything the send needs, then {@link #send} outside any transaction, so no database lock
 * is held while the network is slow.
 *
 * @param <P> the immutable payload that travels from prepare to send
 */
public interface OutboundSender<P> {

  ChannelType type();

  P prepare(Message message, Channel channel);

  SendResult send(P payload);
}
