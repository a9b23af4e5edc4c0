package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.channel.whatsapp.MediaDownloader.StoredFile;
import org.ventanilla.channel.whatsapp.WebhookEvents.Media;

/**
 * Files that could not be downloaded when their message was filed: each retry is a short
 * transaction of its own, the download itself happens between them.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MediaRetries {

  @Inject WhatsAppRepository whatsapp;
  @Inject SecretBox secrets;
  @Inject Clock clock;

  /** What the Graph API needs to hand out a channel's files; empty without an access token. */
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
}
