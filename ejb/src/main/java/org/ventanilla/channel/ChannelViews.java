package org.ventanilla.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.ventanilla.common.ChannelType;

/** Turns any channel into its view, through the view factory of its type. */
@ApplicationScoped
public class ChannelViews {

  @Inject @Any Instance<ChannelViewFactory> factories;

  public ChannelView of(Channel channel) {
    for (ChannelViewFactory factory : factories) {
      if (factory.type() == channel.getType()) {
        return factory.view(channel);
      }
    }
    throw new IllegalStateException("No view for " + channel.getType() + " channels");
  }

  /** Makes the view of one channel type. */
  public interface ChannelViewFactory {
    ChannelType type();

    ChannelView view(Channel channel);
  }
}
