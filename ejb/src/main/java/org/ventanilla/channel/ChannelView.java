package org.ventanilla.channel;

/**
 * A channel as the API shows it: its type-specific settings without any secret, and its health.
 * Each channel type has its own record.
 */
public interface ChannelView {

  long id();

  String type();

  String name();
}
