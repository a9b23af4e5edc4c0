package org.ventanilla.channel.whatsapp;

import java.io.Serializable;

/** A registered template as the API shows it. */
public record WhatsAppTemplateView(
    long id, long channelId, String name, String language, int parameterCount, String text)
    implements Serializable {

  static WhatsAppTemplateView of(WhatsAppTemplate t) {
    return new WhatsAppTemplateView(
        t.getId(),
        t.getChannel().getId(),
        t.getName(),
        t.getLanguage(),
        t.getParameterCount(),
        t.getText());
  }
}
