package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.ventanilla.common.DomainException;

/**
 * Reads every number's templates once a day. The timer is persistent (a day missed while the server
 * was down fires at the next start); every server has one, and the (channel, day) claim row makes
 * one of them do each channel's sync.
 */
@Singleton
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TemplateSyncTimer {

  private static final Logger LOG = Logger.getLogger(TemplateSyncTimer.class.getName());

  @Inject TemplateStore store;
  @Inject TemplateSync sync;
  @Inject Clock clock;

  @Schedule(hour = "4", minute = "17", persistent = true, info = "whatsapp-template-sync")
  void daily() {
    runToday();
  }

  /** Syncs each channel not synced today by any server; returns how many this server synced. */
  public int runToday() {
    String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    int done = 0;
    for (long channelId : store.syncable()) {
      boolean mine;
      try {
        mine = store.claimDay(channelId, day);
      } catch (EJBException e) {
        // Another server inserted the claim between our check and our insert.
        mine = false;
      }
      if (!mine) {
        continue;
      }
      String result;
      try {
        WhatsAppChannelService.SyncResult r = sync.sync(channelId);
        result = "read " + r.read() + ", approved " + r.approved() + ", gone " + r.gone();
        done++;
      } catch (DomainException | EJBException e) {
        result = "failed: " + e.getMessage();
        LOG.warning(() -> "Daily template sync of channel " + channelId + " " + "failed");
      }
      store.recordRun(channelId, day, result);
    }
    return done;
  }
}
