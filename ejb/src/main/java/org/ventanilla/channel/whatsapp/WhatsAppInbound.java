package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.ventanilla.channel.ChannelRepository;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.channel.whatsapp.MediaDownloader.StoredFile;
import org.ventanilla.channel.whatsapp.WebhookEvents.Inbound;
import org.ventanilla.channel.whatsapp.WebhookEvents.StatusUpdate;
import org.ventanilla.ticket.DeliveryStatus;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.MessageDirection;
import org.ventanilla.ticket.TicketRepository;

/**
 * The transactions of webhook processing, each short and on its own, so that network work (media
 * downloads) happens between them, never inside one.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WhatsAppInbound {

  private static final Logger LOG = Logger.getLogger(WhatsAppInbound.class.getName());

  /** A status for a message we do not know yet may have overtaken our own record of the send. */
  static final Duration STATUS_GRACE = Duration.ofMinutes(2);

  @Inject WhatsAppRepository whatsapp;
  @Inject ChannelRepository channelRows;
  @Inject TicketRepository tickets;
  @Inject WhatsAppFiling messages;
  @Inject SecretBox secrets;
  @Inject WebhookSecrets verifiers;
  @Inject Clock clock;

  /** A stored payload to process, with where its messages may go. */
  public record Pending(long id, String body, WebhookRoutes routes) {}

  public List<Long> due(int limit) {
    return whatsapp.duePayloads(clock.instant(), limit);
  }

  /** The payload, if still to process, with its routes ({@link WebhookRoutes}). */
  public Optional<Pending> pending(long id) {
    return whatsapp
        .payload(id)
        .filter(p -> p.getStatus() == WebhookPayload.Status.RECEIVED)
        .map(
            p ->
                new Pending(
                    id, p.getBody(), routes(p, whatsapp.activeChannels(), new HashMap<>())));
  }

  /**
   * The routes of a payload. {@code secretByChannel} holds what is known already (a batch's fresh
   * secrets) and learns the verifying channel's, which may have been switched off since: its secret
   * still routes.
   */
  private WebhookRoutes routes(
      WebhookPayload payload, List<WhatsAppChannel> active, Map<Long, String> secretByChannel) {
    for (WhatsAppChannel c : active) {
      secretByChannel.computeIfAbsent(c.getId(), id -> secrets.decrypt(c.getAppSecretSealed()));
    }
    String verifying =
        secretByChannel.computeIfAbsent(
            payload.getChannelId(),
            id ->
                whatsapp
                    .channel(id)
                    .map(c -> secrets.decrypt(c.getAppSecretSealed()))
                    .orElse(null));
    return new WebhookRoutes(verifying, active, secretByChannel);
  }

  /** What one batch did: how many payloads it claimed, and those left to file one by one. */
  public record Batch(int claimed, List<Long> withMedia) {}

  /**
   * Files a run of due payloads in one transaction: a customer typing costs one commit per batch
   * instead of several per message. Payloads whose new messages carry files are left to the
   * one-by-one path, which fetches the files between transactions. Any failure rolls the batch back
   * and the caller files the payloads one by one.
   */
  public Batch fileBatch(int limit) {
    Instant now = clock.instant();
    List<WebhookPayload> payloads = whatsapp.claimDuePayloads(now, limit);
    if (payloads.isEmpty()) {
      return new Batch(0, List.of());
    }
    Map<Long, String> secretByChannel = new HashMap<>();
    List<WhatsAppChannel> active = whatsapp.activeChannels();
    for (WebhookSecrets.Verifier v : verifiers.fresh()) {
      secretByChannel.put(v.channelId(), v.appSecret());
    }
    List<Long> withMedia = new ArrayList<>();
    Map<WebhookPayload, WebhookEvents> parsed = new LinkedHashMap<>();
    for (WebhookPayload payload : payloads) {
      try {
        parsed.put(payload, WebhookParser.parse(payload.getBody()));
      } catch (RuntimeException e) {
        payload.failed(e.toString(), now);
      }
    }
    WhatsAppFiling.BatchLookups lookups =
        messages.batch(
            parsed.values().stream().flatMap(e -> e.messages().stream()).toList(),
            active.stream().map(WhatsAppChannel::getId).toList());
    Map<Long, WhatsAppChannel> channels = new HashMap<>();
    List<MediaRetry> retries = new ArrayList<>();
    Map<Long, Integer> receivedByChannel = new TreeMap<>(); // channel rows in id order
    PayloadEvents.Handler handler =
        new PayloadEvents.Handler() {
          @Override
          public boolean applyStatus(StatusUpdate status) {
            return WhatsAppInbound.this.applyStatus(status);
          }

          @Override
          public void applyTemplate(long channelId, WebhookEvents.TemplateUpdate update) {
            TemplateStore.apply(whatsapp, channelId, update);
          }

          @Override
          public boolean file(long channelId, Inbound message) {
            if (message.wamid() == null || lookups.isFiled(message.wamid())) {
              return false;
            }
            WhatsAppChannel channel =
                channels.computeIfAbsent(
                    channelId,
                    id ->
                        whatsapp
                            .channel(id)
                            .orElseThrow(() -> new IllegalStateException("no channel")));
            MediaRetry missing = messages.file(channel, message, Optional.empty(), null, lookups);
            if (missing != null) {
              retries.add(missing);
            }
            return true;
          }
        };
    for (Map.Entry<WebhookPayload, WebhookEvents> entry : parsed.entrySet()) {
      WebhookPayload payload = entry.getKey();
      WebhookEvents events = entry.getValue();
      if (events.messages().stream()
          .anyMatch(m -> m.media() != null && !lookups.isFiled(m.wamid()))) {
        withMedia.add(payload.getId());
        continue;
      }
      PayloadEvents.Outcome outcome =
          PayloadEvents.walk(
              payload.getId(), events, routes(payload, active, secretByChannel), handler);
      outcome.receivedByChannel().forEach((id, n) -> receivedByChannel.merge(id, n, Integer::sum));
      if (outcome.retry()) {
        payload.failed("a status names a message not recorded yet", now);
      } else {
        payload.processed(now);
      }
    }
    if (!retries.isEmpty()) {
      whatsapp.flush();
      retries.forEach(whatsapp::add);
    }
    // Last: every filer takes the channel rows after its tickets (a deadlock else).
    receivedByChannel.forEach(
        (channelId, received) -> channelRows.recordReceived(channelId, received, now));
    return new Batch(payloads.size(), withMedia);
  }

  /** A template webhook, in a transaction of its own (the one-by-one path). */
  public void applyTemplate(long channelId, WebhookEvents.TemplateUpdate update) {
    TemplateStore.apply(whatsapp, channelId, update);
  }

  public boolean isStored(String wamid) {
    return whatsapp.message(wamid).isPresent();
  }

  /**
   * Files the customer's message into their conversation on this number: the open ticket, or the
   * last one reopened while within the channel's reopen days, or a new one. The message's own
   * timestamp is when it was received (Meta may deliver late).
   */
  public void store(long channelId, Inbound in, Optional<StoredFile> file, String fileProblem) {
    if (in.wamid() == null || isStored(in.wamid())) {
      return;
    }
    WhatsAppChannel channel =
        whatsapp.channel(channelId).orElseThrow(() -> new IllegalStateException("no channel"));
    MediaRetry retry = messages.file(channel, in, file, fileProblem, messages.single());
    tickets.flush();
    if (retry != null) {
      // After the flush: the retry row refers to the attachment row, which no mapping tells
      // EclipseLink to insert first.
      whatsapp.add(retry);
      whatsapp.flush();
    }
  }

  /**
   * Moves our message to the reported status (only forward; failed is final).
   *
   * @return false when the message is unknown but the status is recent: our own record of the send
   *     may not be committed yet, so the payload is worth another try
   */
  public boolean applyStatus(StatusUpdate update) {
    DeliveryStatus status =
        switch (update.status() == null ? "" : update.status()) {
          case "sent" -> DeliveryStatus.SENT;
          case "delivered" -> DeliveryStatus.DELIVERED;
          case "read" -> DeliveryStatus.READ;
          case "failed" -> DeliveryStatus.FAILED;
          default -> null;
        };
    if (status == null || update.wamid() == null) {
      return true;
    }
    Optional<Message> message =
        whatsapp.message(update.wamid()).filter(m -> m.getDirection() == MessageDirection.OUTBOUND);
    if (message.isEmpty()) {
      Instant now = clock.instant();
      return update.timestamp() == null || update.timestamp().plus(STATUS_GRACE).isBefore(now);
    }
    message.get().updateDelivery(status, update.error());
    if (update.pricing() != null && whatsapp.pricing(message.get().getId()).isEmpty()) {
      Instant at = update.timestamp() == null ? clock.instant() : update.timestamp();
      whatsapp.add(
          new WhatsAppPricing(
              message.get().getId(),
              message.get().getTicket().getSourceId(),
              update.pricing(),
              at));
    }
    return true;
  }

  public void processed(long id, int received) {
    whatsapp
        .payload(id)
        .ifPresent(
            p -> {
              p.processed(clock.instant());
              if (received > 0) {
                channelRows.recordReceived(p.getChannelId(), received, clock.instant());
              }
            });
  }

  public void failed(long id, String error) {
    whatsapp.payload(id).ifPresent(p -> p.failed(error, clock.instant()));
  }
}
