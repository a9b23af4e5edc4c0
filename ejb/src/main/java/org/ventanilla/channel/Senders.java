package org.ventanilla.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.ventanilla.common.ChannelType;

/** Finds the sender for a channel type among the beans that implement {@link OutboundSender}. */
@ApplicationScoped
public class Senders {

  @Inject @Any Instance<OutboundSender<?>> all;

  public OutboundSender<?> forType(ChannelType type) {
    for (OutboundSender<?> sender : all) {
      if (sender.type() == type) {
        return sender;
      }
    }
    throw new IllegalStateException("No sender for " + type + " channels");
  }
}
