package org.ventanilla.channel.whatsapp;

import java.util.List;
import java.util.Map;

/**
 * Which channel a payload's messages go to. A number is routed only to an active channel serving it
 * that shares the app secret which verified the payload's signature: a payload signed for one Meta
 * app cannot write into another app's number.
 *
 * @param verifyingSecret the app secret of the channel that verified the payload (null: none left)
 * @param active the active channels
 * @param secretByChannel each channel's app secret, by channel id
 */
record WebhookRoutes(
    String verifyingSecret, List<WhatsAppChannel> active, Map<Long, String> secretByChannel) {

  /**
   * The channels of this WhatsApp Business Account (template webhooks name it in {@code
   * entry[].id}) that share the verifying app secret.
   */
  List<Long> channelsForWaba(String wabaId) {
    if (verifyingSecret == null || wabaId == null) {
      return List.of();
    }
    return active.stream()
        .filter(
            c ->
                wabaId.equals(c.getWabaId())
                    && verifyingSecret.equals(secretByChannel.get(c.getId())))
        .map(WhatsAppChannel::getId)
        .toList();
  }

  /** The channel for this phone number id, or null when none may take it. */
  Long channelFor(String phoneNumberId) {
    if (verifyingSecret == null) {
      return null;
    }
    for (WhatsAppChannel c : active) {
      if (c.getPhoneNumberId().equals(phoneNumberId)
          && verifyingSecret.equals(secretByChannel.get(c.getId()))) {
        return c.getId();
      }
    }
    return null;
  }
}
