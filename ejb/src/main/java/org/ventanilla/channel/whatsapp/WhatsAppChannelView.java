package org.ventanilla.channel.whatsapp;

import org.ventanilla.channel.ChannelHealth;
import org.ventanilla.channel.ChannelView;

/**
 * A WhatsApp number as the API shows it: settings, whether each secret is set (never its value).
 */
public record WhatsAppChannelView(
    long id,
    String type,
    String name,
    boolean active,
    String phoneNumberId,
    String displayPhoneNumber,
    String apiBaseUrl,
    String apiVersion,
    int reopenDays,
    boolean accessTokenSet,
    boolean appSecretSet,
    boolean verifyTokenSet,
    ChannelHealth health,
    String wabaId,
    boolean markRead,
    boolean typingIndicator)
    implements ChannelView {

  static WhatsAppChannelView of(WhatsAppChannel c) {
    return new WhatsAppChannelView(
        c.getId(),
        "whatsapp",
        c.getName(),
        c.isActive(),
        c.getPhoneNumberId(),
        c.getDisplayPhoneNumber(),
        c.getApiBaseUrl(),
        c.getApiVersion(),
        c.getReopenDays(),
        c.getAccessTokenSealed() != null,
        c.getAppSecretSealed() != null,
        c.getVerifyTokenSealed() != null,
        ChannelHealth.of(c),
        c.getWabaId(),
        c.isMarkRead(),
        c.isTypingIndicator());
  }
}
