package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import org.ventanilla.channel.Channel;
import org.ventanilla.channel.ChannelView;
import org.ventanilla.channel.ChannelViews.ChannelViewFactory;
import org.ventanilla.common.ChannelType;

/** Views of WhatsApp numbers. */
@ApplicationScoped
public class WhatsAppChannelViewFactory implements ChannelViewFactory {

  @Override
  public ChannelType type() {
    return ChannelType.WHATSAPP;
  }

  @Override
  public ChannelView view(Channel channel) {
    return WhatsAppChannelView.of((WhatsAppChannel) channel);
  }
}
