package org.ventanilla.channel.email;

import jakarta.enterprise.context.ApplicationScoped;
import org.ventanilla.channel.Channel;
import org.ventanilla.channel.ChannelView;
import org.ventanilla.channel.ChannelViews.ChannelViewFactory;
import org.ventanilla.common.ChannelType;

/** Views of mailboxes. */
@ApplicationScoped
public class EmailChannelViewFactory implements ChannelViewFactory {

  @Override
  public ChannelType type() {
    return ChannelType.EMAIL;
  }

  @Override
  public ChannelView view(Channel channel) {
    return EmailChannelView.of((EmailChannel) channel);
  }
}
