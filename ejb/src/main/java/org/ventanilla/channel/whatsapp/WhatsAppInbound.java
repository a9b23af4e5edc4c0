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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.channel.whatsapp.MediaDownloader.StoredFile;
import org.ventanilla.channel.whatsapp.WebhookEvents.Inbound;
import org.ventanilla.channel.whatsapp.WebhookEvents.Media;
import org.ventanilla.channel.whatsapp.WebhookEvents.StatusUpdate;
import org.ventanilla.common.ContactNormalizer;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.customer.ContactType;
import org.ventanilla.customer.Customer;
import org.ventanilla.customer.CustomerDirectory;
import org.ventanilla.ticket.Attachment;
import org.ventanilla.ticket.DeliveryStatus;
import org.ventanilla.ticket.InboundContent;
import org.ventanilla.ticket.InboundFiling;
import org.ventanilla.ticket.Message;
import org.ventanilla.ticket.MessageDirection;
import org.ventanilla.ticket.Ticket;
import org.ventanilla.ticket.TicketRepository;
import org.ventanilla.ticket.TicketStatus;

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
  @Inject TicketRepository tickets;
  @Inject InboundFiling filing;
  @Inject CustomerDirectory customers;
  @Inject SecretBox secrets;
  @Inject WebhookSecrets verifiers;
  @Inject Clock clock;

  /** A stored payload to process, with the channel each number it names is trusted to be. */
  public record Pending(long id, String body, Map<String, Long> routes) {}

  public List<Long> due(int limit) {
    return whatsapp.duePayloads(clock.instant(), limit);
  }

  /**
   * The payload, if still to process. A number it names is routed only to a channel that shares the
   * app secret that verified the signature: a payload signed for one app cannot write into another
   * app's number.
   */
  public Optional<Pending> pending(long id) {
    Optional<WebhookPayload> found =
        whatsapp.payload(id).filter(p -> p.getStatus() == WebhookPayload.Status.RECEIVED);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    WebhookPayload payload = found.get();
    Optional<WhatsAppChannel> verifier = whatsapp.channel(payload.getChannelId());
    String secret = verifier.map(c -> secrets.decrypt(c.getAppSecretSealed())).orElse(null);
    Map<String, Long> routes = new HashMap<>();
    for (String phoneNumberId : WebhookParser.phoneNumberIds(payload.getBody())) {
      for (WhatsAppChannel c : whatsapp.activeChannels()) {
        if (c.getPhoneNumberId().equals(phoneNumberId)
            && secret != null
            && secret.equals(secrets.decrypt(c.getAppSecretSealed()))) {
          routes.put(phoneNumberId, c.getId());
        }
      }
    }
    return Optional.of(new Pending(id, payload.getBody(), routes));
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
    Map<Long, Integer> receivedByChannel = new HashMap<>();
    List<Long> withMedia = new ArrayList<>();
    Map<WebhookPayload, WebhookEvents> parsed = new LinkedHashMap<>();
    for (WebhookPayload payload : payloads) {
      try {
        parsed.put(payload, WebhookParser.parse(payload.getBody()));
      } catch (RuntimeException e) {
        payload.failed(e.toString(), now);
      }
    }
    BatchLookups lookups =
        new BatchLookups(
            parsed.values().stream().flatMap(e -> e.messages().stream()).toList(),
            active.stream().map(WhatsAppChannel::getId).toList());
    Map<Long, WhatsAppChannel> channels = new HashMap<>();
    List<MediaRetry> retries = new ArrayList<>();
    for (Map.Entry<WebhookPayload, WebhookEvents> entry : parsed.entrySet()) {
      WebhookPayload payload = entry.getKey();
      WebhookEvents events = entry.getValue();
      if (events.messages().stream()
          .anyMatch(m -> m.media() != null && !lookups.isFiled(m.wamid()))) {
        withMedia.add(payload.getId());
        continue;
      }
      boolean retry = false;
      for (StatusUpdate status : events.statuses()) {
        retry |= !applyStatus(status);
      }
      // The verifying channel may have been switched off since; its secret still routes.
      String secret =
          secretByChannel.computeIfAbsent(
              payload.getChannelId(),
              id ->
                  whatsapp
                      .channel(id)
                      .map(c -> secrets.decrypt(c.getAppSecretSealed()))
                      .orElse(null));
      for (Inbound message : events.messages()) {
        Long channelId = route(message.phoneNumberId(), secret, active, secretByChannel);
        if (channelId == null) {
          LOG.warning(
              () ->
                  "Webhook payload "
                      + payload.getId()
                      + " has a message for phone number id "
                      + message.phoneNumberId()
                      + ", which no channel with its app secret serves; kept unprocessed");
          continue;
        }
        if (message.wamid() == null || lookups.isFiled(message.wamid())) {
          continue;
        }
        try {
          WhatsAppChannel channel =
              channels.computeIfAbsent(
                  channelId,
                  id ->
                      whatsapp
                          .channel(id)
                          .orElseThrow(() -> new IllegalStateException("no channel")));
          MediaRetry missing = file(channel, message, Optional.empty(), null, lookups);
          if (missing != null) {
            retries.add(missing);
          }
          receivedByChannel.merge(channelId, 1, Integer::sum);
        } catch (InvalidInputException e) {
          // Thrown before anything is written (a malformed WhatsApp id): the payload keeps it.
          LOG.warning(
              () ->
                  "Webhook payload "
                      + payload.getId()
                      + ": message "
                      + message.wamid()
                      + " cannot be filed, kept in the payload only: "
                      + e.getMessage());
        }
      }
      if (retry) {
        payload.failed("a status names a message not recorded yet", now);
      } else {
        payload.processed(now);
      }
    }
    if (!retries.isEmpty()) {
      whatsapp.flush();
      retries.forEach(whatsapp::add);
    }
    receivedByChannel.forEach(
        (channelId, received) ->
            whatsapp
                .channel(channelId)
                .ifPresent(
                    c -> {
                      c.recordSuccess(now);
                      c.countReceived(received);
                    }));
    return new Batch(payloads.size(), withMedia);
  }

  /** The channel serving this number that shares the verifying app secret, as in pending(). */
  private static Long route(
      String phoneNumberId,
      String secret,
      List<WhatsAppChannel> active,
      Map<Long, String> secretByChannel) {
    if (secret == null) {
      return null;
    }
    for (WhatsAppChannel c : active) {
      if (c.getPhoneNumberId().equals(phoneNumberId)
          && secret.equals(secretByChannel.get(c.getId()))) {
        return c.getId();
      }
    }
    return null;
  }

  public Optional<GraphApi.Access> access(long channelId) {
    return whatsapp
        .channel(channelId)
        .filter(c -> c.getAccessTokenSealed() != null)
        .map(
            c ->
                new GraphApi.Access(
                    c.getApiBaseUrl(),
                    c.getApiVersion(),
                    secrets.decrypt(c.getAccessTokenSealed())));
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
    MediaRetry retry = file(channel, in, file, fileProblem, new Lookups());
    tickets.flush();
    if (retry != null) {
      // After the flush: the retry row refers to the attachment row, which no mapping tells
      // EclipseLink to insert first.
      whatsapp.add(retry);
      whatsapp.flush();
    }
  }

  /**
   * Where filing finds the customer and their conversation: straight from the database, or, in a
   * batch, remembered from earlier messages of the same (not yet flushed) transaction.
   */
  private class Lookups {
    Customer customer(String address, String name, Instant now) {
      return customers.findOrCreate(ContactType.PHONE, address, name, now);
    }

    Optional<Ticket> latestTicket(Customer customer, WhatsAppChannel channel) {
      return whatsapp.latestTicket(customer, channel);
    }

    void opened(Ticket ticket) {}

    void filed(String wamid) {}
  }

  /** A batch's memory: what earlier messages of the batch found or created. */
  private final class BatchLookups extends Lookups {
    private final Map<String, Customer> customerByAddress = new HashMap<>();
    private final Map<List<Long>, Optional<Ticket>> latestByConversation = new HashMap<>();
    private final Set<String> filed = new HashSet<>();

    /** Reads what the batch's messages need in three queries instead of three per message. */
    BatchLookups(List<Inbound> messages, Collection<Long> channelIds) {
      filed.addAll(
          whatsapp.storedWamids(
              messages.stream().map(Inbound::wamid).filter(Objects::nonNull).toList()));
      Set<String> addresses = new HashSet<>();
      for (Inbound m : messages) {
        try {
          addresses.add(ContactNormalizer.whatsappId(m.waId()));
        } catch (InvalidInputException e) {
          // Reported when that message is filed.
        }
      }
      customerByAddress.putAll(customers.findByContacts(ContactType.PHONE, addresses));
      Map<List<Long>, Ticket> latest =
          whatsapp.latestTickets(customerByAddress.values(), channelIds);
      for (Customer c : customerByAddress.values()) {
        for (Long channelId : channelIds) {
          List<Long> key = List.of(c.getId(), channelId);
          latestByConversation.put(key, Optional.ofNullable(latest.get(key)));
        }
      }
    }

    boolean isFiled(String wamid) {
      return filed.contains(wamid);
    }

    @Override
    Customer customer(String address, String name, Instant now) {
      return customerByAddress.computeIfAbsent(address, a -> super.customer(a, name, now));
    }

    @Override
    Optional<Ticket> latestTicket(Customer customer, WhatsAppChannel channel) {
      return latestByConversation.computeIfAbsent(
          List.of(customer.getId(), channel.getId()), k -> super.latestTicket(customer, channel));
    }

    @Override
    void opened(Ticket ticket) {
      latestByConversation.put(
          List.of(ticket.getCustomer().getId(), ticket.getSourceId()), Optional.of(ticket));
    }

    @Override
    void filed(String wamid) {
      filed.add(wamid);
    }
  }

  /**
   * Files the message; returns the retry to record once it is flushed, when its file is missing.
   */
  private MediaRetry file(
      WhatsAppChannel channel,
      Inbound in,
      Optional<StoredFile> file,
      String fileProblem,
      Lookups lookups) {
    Instant now = clock.instant();
    Instant at = in.timestamp() == null || in.timestamp().isAfter(now) ? now : in.timestamp();
    String address = ContactNormalizer.whatsappId(in.waId());
    Customer customer = lookups.customer(address, in.profileName(), now);
    String author = in.profileName() == null ? customer.getName() : in.profileName();
    String text = quoted(in.contextWamid()) + Objects.requireNonNullElse(in.text(), "");
    Optional<Ticket> thread =
        lookups
            .latestTicket(customer, channel)
            .filter(
                t ->
                    t.getStatus() != TicketStatus.RESOLVED
                        || channel.reopensWithin(t.getResolvedAt(), at));
    Attachment[] pending = {null}; // the placeholder of a file still to download, if any
    InboundFiling.Filed filed =
        filing.file(
            customer,
            thread,
            new InboundFiling.Opening(channel.getType(), channel.getId(), null, author),
            new InboundContent(author, address, null, text, null, in.wamid(), false),
            at,
            message -> pending[0] = attach(message, in, file, fileProblem, now));
    if (filed.opened()) {
      lookups.opened(filed.ticket());
    }
    lookups.filed(in.wamid());
    return pending[0] == null
        ? null
        : new MediaRetry(pending[0].getId(), channel.getId(), in.type(), in.media(), now);
  }

  /** The message's file when it was downloaded; else a placeholder the retry fills in later. */
  private static Attachment attach(
      Message message, Inbound in, Optional<StoredFile> file, String fileProblem, Instant now) {
    if (in.media() == null) {
      return null;
    }
    if (file.isPresent()) {
      StoredFile f = file.get();
      message.attach(
          f.filename(), f.contentType(), f.size(), f.sha256(), f.relativePath(), null, now);
      return null;
    }
    return message.attach(
        MediaDownloader.displayName(in.media(), in.type(), "bin"),
        in.media().mimeType() == null ? "application/octet-stream" : in.media().mimeType(),
        0,
        null,
        null,
        "Not downloaded from WhatsApp yet, trying again (media id "
            + in.media().id()
            + "): "
            + fileProblem,
        now);
  }

  /** A media download to try again now, with what it needs. */
  public record MediaJob(long attachmentId, GraphApi.Access access, String type, Media media) {}

  public List<Long> dueMedia(int limit) {
    return whatsapp.dueMediaRetries(clock.instant(), limit);
  }

  public Optional<MediaJob> mediaJob(long attachmentId) {
    return whatsapp
        .mediaRetry(attachmentId)
        .flatMap(
            r ->
                access(r.getChannelId())
                    .map(a -> new MediaJob(attachmentId, a, r.getMessageType(), r.media())));
  }

  public void mediaDownloaded(long attachmentId, StoredFile file) {
    whatsapp.mediaRetry(attachmentId).ifPresent(whatsapp::remove);
    whatsapp
        .attachment(attachmentId)
        .ifPresent(a -> a.downloaded(file.size(), file.sha256(), file.relativePath()));
  }

  public void mediaFailed(long attachmentId, String problem) {
    Optional<MediaRetry> retry = whatsapp.mediaRetry(attachmentId);
    if (retry.isEmpty()) {
      return;
    }
    boolean again = retry.get().failedAgain(clock.instant());
    if (!again) {
      whatsapp.remove(retry.get());
    }
    String why =
        (again ? "Not downloaded from WhatsApp yet, trying again" : "Not downloaded from WhatsApp")
            + " (media id "
            + retry.get().media().id()
            + ", "
            + (retry.get().getAttempts() + 1)
            + " attempts): "
            + problem;
    whatsapp.attachment(attachmentId).ifPresent(a -> a.explain(why));
  }

  private String quoted(String contextWamid) {
    if (contextWamid == null) {
      return "";
    }
    return whatsapp
        .message(contextWamid)
        .map(Message::getText)
        .filter(t -> t != null && !t.isBlank())
        .map(t -> "> " + t.strip().lines().findFirst().orElse("") + "\n")
        .orElse("> (reply to an earlier message)\n");
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
    return true;
  }

  public void processed(long id, int received) {
    whatsapp
        .payload(id)
        .ifPresent(
            p -> {
              p.processed(clock.instant());
              if (received > 0) {
                whatsapp
                    .channel(p.getChannelId())
                    .ifPresent(
                        c -> {
                          c.recordSuccess(clock.instant());
                          c.countReceived(received);
                        });
              }
            });
  }

  public void failed(long id, String error) {
    whatsapp.payload(id).ifPresent(p -> p.failed(error, clock.instant()));
  }
}
