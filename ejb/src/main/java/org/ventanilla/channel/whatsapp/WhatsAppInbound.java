package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.channel.whatsapp.MediaDownloader.StoredFile;
import org.ventanilla.channel.whatsapp.WebhookEvents.Inbound;
import org.ventanilla.channel.whatsapp.WebhookEvents.Media;
import org.ventanilla.channel.whatsapp.WebhookEvents.StatusUpdate;
import org.ventanilla.customer.ContactNormalizer;
import org.ventanilla.customer.ContactType;
import org.ventanilla.customer.Customer;
import org.ventanilla.customer.CustomerDirectory;
import org.ventanilla.ticket.Attachment;
import org.ventanilla.ticket.DeliveryStatus;
import org.ventanilla.ticket.InboundContent;
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

  /** A status for a message we do not know yet may have overtaken our own record of the send. */
  static final java.time.Duration STATUS_GRACE = java.time.Duration.ofMinutes(2);

  @Inject WhatsAppRepository whatsapp;
  @Inject TicketRepository tickets;
  @Inject CustomerDirectory customers;
  @Inject SecretBox secrets;
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
    Instant now = clock.instant();
    Instant at = in.timestamp() == null || in.timestamp().isAfter(now) ? now : in.timestamp();
    String address = ContactNormalizer.whatsappId(in.waId());
    Customer customer = customers.findOrCreate(ContactType.PHONE, address, in.profileName(), now);
    String author = in.profileName() == null ? customer.getName() : in.profileName();
    String text = quoted(in.contextWamid()) + Objects.requireNonNullElse(in.text(), "");
    Ticket ticket =
        whatsapp
            .latestTicket(customer, channel)
            .filter(
                t ->
                    t.getStatus() != TicketStatus.RESOLVED
                        || channel.reopensWithin(t.getResolvedAt(), at))
            .orElseGet(
                () -> {
                  Ticket opened =
                      Ticket.open(
                          tickets.nextNumber(),
                          null,
                          in.text(),
                          channel.getType(),
                          channel,
                          customer,
                          author,
                          at);
                  tickets.add(opened);
                  return opened;
                });
    Message message =
        ticket.receive(
            new InboundContent(author, address, null, text, null, in.wamid(), false), at);
    Attachment pending = null;
    if (in.media() != null) {
      if (file.isPresent()) {
        StoredFile f = file.get();
        message.attach(
            f.filename(), f.contentType(), f.size(), f.sha256(), f.relativePath(), null, now);
      } else {
        pending =
            message.attach(
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
    }
    tickets.add(message);
    tickets.storeEvents(ticket);
    tickets.flush();
    if (pending != null) {
      // After the flush: the retry row refers to the attachment row, which no mapping tells
      // EclipseLink to insert first.
      whatsapp.add(new MediaRetry(pending.getId(), channelId, in.type(), in.media(), now));
      whatsapp.flush();
    }
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
