package org.ventanilla.channel.whatsapp;

import java.util.logging.Logger;
import org.ventanilla.channel.whatsapp.WebhookEvents.Inbound;
import org.ventanilla.channel.whatsapp.WebhookEvents.StatusUpdate;
import org.ventanilla.common.InvalidInputException;

/**
 * The one walk over a payload's events, for the batch and the one-by-one path alike: every delivery
 * status applied, every message routed ({@link WebhookRoutes}) and filed. A message no channel may
 * take, or one that cannot be filed (a malformed WhatsApp id), stays in the stored payload and is
 * logged; the others go on.
 */
final class PayloadEvents {

  private static final Logger LOG = Logger.getLogger(PayloadEvents.class.getName());

  private PayloadEvents() {}

  /** How the path at hand applies a status and files a message. */
  interface Handler {
    /** False when the status names a message not recorded yet, so the payload is worth a retry. */
    boolean applyStatus(StatusUpdate status);

    /** True when the message was filed now, false when it was there already. */
    boolean file(long channelId, Inbound message);

    /** A template's new status or category, for one channel of its account. */
    void applyTemplate(long channelId, WebhookEvents.TemplateUpdate update);
  }

  /** What a payload did: messages filed, channel by channel, and whether it must be tried again. */
  record Outcome(java.util.Map<Long, Integer> receivedByChannel, boolean retry) {
    int received() {
      return receivedByChannel.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  static Outcome walk(long payloadId, WebhookEvents events, WebhookRoutes routes, Handler handler) {
    boolean retry = false;
    for (StatusUpdate status : events.statuses()) {
      retry |= !handler.applyStatus(status);
    }
    for (WebhookEvents.TemplateUpdate update : events.templates()) {
      java.util.List<Long> channels = routes.channelsForWaba(update.wabaId());
      if (channels.isEmpty()) {
        LOG.warning(
            () ->
                "Webhook payload "
                    + payloadId
                    + " has a template update for account "
                    + update.wabaId()
                    + ", which no channel with its app secret belongs to; ignored");
      }
      channels.forEach(id -> handler.applyTemplate(id, update));
    }
    java.util.Map<Long, Integer> received = new java.util.HashMap<>();
    for (Inbound message : events.messages()) {
      Long channelId = routes.channelFor(message.phoneNumberId());
      if (channelId == null) {
        LOG.warning(
            () ->
                "Webhook payload "
                    + payloadId
                    + " has a message for phone number id "
                    + message.phoneNumberId()
                    + ", which no channel with its app secret serves; kept unprocessed");
        continue;
      }
      try {
        if (handler.file(channelId, message)) {
          received.merge(channelId, 1, Integer::sum);
        }
      } catch (InvalidInputException e) {
        // Thrown before anything is written; retrying cannot fix it: the payload keeps it.
        LOG.warning(
            () ->
                "Webhook payload "
                    + payloadId
                    + ": message "
                    + message.wamid()
                    + " cannot be filed, kept in the payload only: "
                    + e.getMessage());
      }
    }
    return new Outcome(received, retry);
  }
}
