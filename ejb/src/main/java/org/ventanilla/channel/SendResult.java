package org.ventanilla.channel;

/** What a channel said when asked to deliver a message. */
public sealed interface SendResult {

  /** Accepted; {@code externalId} is the channel's id for it (Message-ID, wamid). */
  record Sent(String externalId) implements SendResult {}

  /** Not now (network, server busy): the outbox tries again later. */
  record TryLater(String error) implements SendResult {}

  /** Refused for good: the message is marked failed with the reason. */
  record Refused(String error) implements SendResult {}
}
