/**
 * The ways customers reach us; each channel adapter lives in a sub-package ({@code email}, {@code
 * whatsapp}). What is shared sits here: the {@code Channel} entity, the outbox and its sender, the
 * sealed secrets. An adapter parses what arrives and hands it to {@code ticket.InboundFiling}, and
 * implements {@code ticket.ReplyChannel} for what leaves; the ticket domain never imports a channel
 * class. Adding a channel touches only its own sub-package and one constant in {@code
 * common.ChannelType}.
 */
package org.ventanilla.channel;
