package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.ventanilla.channel.SecretBox;

/**
 * The short transactions of a template sync (the Graph API calls happen between them, see {@link
 * TemplateSync}) and of the template webhooks.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TemplateStore {

  private static final Logger LOG = Logger.getLogger(TemplateStore.class.getName());

  @Inject WhatsAppRepository whatsapp;
  @Inject SecretBox secrets;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  /** Where and how to read a channel's templates; empty when it has no WABA id or no token. */
  public record Access(GraphApi.Access api, String wabaId) {}

  public Optional<Access> access(long channelId) {
    return whatsapp
        .channel(channelId)
        .filter(c -> !c.isDeleted())
        .filter(c -> c.getWabaId() != null && c.getAccessTokenSealed() != null)
        .map(
            c ->
                new Access(
                    new GraphApi.Access(
                        c.getApiBaseUrl(),
                        c.getApiVersion(),
                        secrets.decrypt(c.getAccessTokenSealed())),
                    c.getWabaId()));
  }

  /**
   * Upserts what the account lists, by name and language; a synced template the account no longer
   * lists becomes DELETED (templates typed in by hand are left alone).
   */
  public WhatsAppChannelService.SyncResult store(long channelId, List<AccountTemplate> read) {
    Instant now = clock.instant();
    WhatsAppChannel channel =
        whatsapp.channel(channelId).orElseThrow(() -> new IllegalStateException("no channel"));
    Set<List<String>> seen = new HashSet<>();
    int approved = 0;
    for (AccountTemplate t : read) {
      if (!seen.add(List.of(t.name(), t.language()))) {
        continue;
      }
      Optional<WhatsAppTemplate> stored = whatsapp.template(channel, t.name(), t.language());
      if (stored.isPresent()) {
        stored.get().refresh(t, now);
      } else {
        whatsapp.add(WhatsAppTemplate.synced(channel, t, now));
      }
      if (WhatsAppTemplate.APPROVED.equals(t.status())) {
        approved++;
      }
    }
    int gone = 0;
    for (WhatsAppTemplate t : whatsapp.templates(channel)) {
      if (t.isSynced()
          && !seen.contains(List.of(t.getName(), t.getLanguage()))
          && !"DELETED".equals(t.getStatus())) {
        t.gone(now);
        gone++;
      }
    }
    whatsapp.flush();
    return new WhatsAppChannelService.SyncResult(seen.size(), approved, gone);
  }

  /**
   * Claims today's daily sync of a channel; false when another server (or an earlier run) has it:
   * the insert of the (channel, day) row fails on its key and this transaction rolls back.
   */
  public boolean claimDay(long channelId, String day) {
    Number taken =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM whatsapp_template_sync_run WHERE channel_id = ?"
                        + " AND run_day = ?")
                .setParameter(1, channelId)
                .setParameter(2, day)
                .getSingleResult();
    if (taken.intValue() > 0) {
      return false;
    }
    em.createNativeQuery(
            "INSERT INTO whatsapp_template_sync_run (channel_id, run_day, claimed_at)"
                + " VALUES (?, ?, ?)")
        .setParameter(1, channelId)
        .setParameter(2, day)
        .setParameter(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .executeUpdate();
    return true;
  }

  public void recordRun(long channelId, String day, String result) {
    em.createNativeQuery(
            "UPDATE whatsapp_template_sync_run SET result = ? WHERE channel_id = ? AND run_day = ?")
        .setParameter(1, result.length() > 1000 ? result.substring(0, 1000) : result)
        .setParameter(2, channelId)
        .setParameter(3, day)
        .executeUpdate();
  }

  /** The active channels with a WABA id: those the daily sync reads. */
  public List<Long> syncable() {
    return whatsapp.activeChannels().stream()
        .filter(c -> c.getWabaId() != null)
        .map(WhatsAppChannel::getId)
        .toList();
  }

  /**
   * A template webhook for {@code channelId}: the status ({@code message_template_status_update})
   * or category ({@code template_category_update}) of the named template. One the channel has not
   * synced yet is left for the next sync.
   */
  static void apply(WhatsAppRepository whatsapp, long channelId, WebhookEvents.TemplateUpdate u) {
    Optional<WhatsAppChannel> channel = whatsapp.channel(channelId);
    if (channel.isEmpty() || u.name() == null || u.language() == null) {
      return;
    }
    Optional<WhatsAppTemplate> template = whatsapp.template(channel.get(), u.name(), u.language());
    if (template.isEmpty()) {
      LOG.info(
          () ->
              "Template update for "
                  + u.name()
                  + " ("
                  + u.language()
                  + ") on channel "
                  + channelId
                  + ", not synced yet: the next sync reads it");
      return;
    }
    template.get().changeStatus(u.status());
    template.get().changeCategory(u.category());
  }
}
