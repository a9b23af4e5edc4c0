/**
 * Tickets and their conversations: the status machine, messages (inbound, outbound, internal
 * notes), attachments and the append-only activity log.
 *
 * <p>The ticket domain knows no channel. It declares what it needs from one as ports, implemented
 * in the channel packages and found by CDI: {@link org.ventanilla.ticket.ReplyChannel} (how a reply
 * leaves, whether free text may go now, templates), chosen by {@link
 * org.ventanilla.common.ChannelType} through {@link org.ventanilla.ticket.ReplyChannels}. Every
 * inbound message is filed by {@link org.ventanilla.ticket.InboundFiling}: the channel parses it
 * and chooses the conversation, filing does the rest. A ticket stores its own events (cascade) and
 * re-plans its SLA clocks when a change moves them, so there is no save step to remember.
 *
 * <p>The promise: a third channel (Telegram, a web chat) is a package of its own under {@code
 * channel} implementing {@code ReplyChannel} and calling {@code InboundFiling}, plus one constant
 * in {@code ChannelType}; nothing here changes. {@code ArchitectureTest} fails on any import from
 * this package into {@code channel}.
 */
package org.ventanilla.ticket;
