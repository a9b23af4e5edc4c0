package org.ventanilla.channel.email;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ventanilla.channel.ChannelChanged;

/**
 * One programmatic EJB timer per active mailbox, at the mailbox's own interval. Timers are not
 * persistent: the mailbox's reading position lives in the database, and every start (of this or any
 * other server) schedules them afresh. A failing poll never cancels its timer. Every 30 seconds the
 * timers are compared with the mailboxes in the database, so that a mailbox added or changed
 * through another server sharing the database is polled here too.
 */
@Singleton
@Startup
@PermitAll
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailPollScheduler {

  private static final Logger LOG = Logger.getLogger(MailPollScheduler.class.getName());
  private static final long SYNC_MS = 30_000;
  private static final String SYNC = "mailbox-sync";
  // How often the IDLE locks that have run out are looked at (no database access unless one has):
  // a dead server's mailboxes are taken over within this of the lock's expiry.
  private static final long TAKEOVER_MS = 5_000;
  private static final String TAKEOVER = "idle-takeover";

  @Resource TimerService timers;
  @Inject MailboxPoller poller;
  @Inject MailboxDirectory mailboxes;
  @Inject IdleWatchers idle;

  /** The poll interval of each mailbox with a timer here. */
  private final Map<Long, Integer> scheduled = new HashMap<>();

  @PostConstruct
  void scheduleAll() {
    releaseLocksOfPreviousRun();
    for (MailboxDirectory.Schedule schedule : mailboxes.active()) {
      schedule(schedule);
    }
    timers.createIntervalTimer(SYNC_MS, SYNC_MS, new TimerConfig(SYNC, false));
    timers.createIntervalTimer(TAKEOVER_MS, TAKEOVER_MS, new TimerConfig(TAKEOVER, false));
    // IDLE starts from the first sync tick (or a change), once the application is up.
  }

  /**
   * A server killed during a poll leaves the mailbox locked for {@link EmailIngest#POLL_HOLD}: in
   * the fault drill that kills a server mid-poll, 340 of 400 mails were still waiting two minutes
   * after the kill. No poll of this server runs before this point, so the locks its name still
   * holds belong to its previous run and go at once. Servers sharing a database need distinct
   * {@code jboss.node.name}s (WildFly's transactions need that as well).
   */
  private void releaseLocksOfPreviousRun() {
    try {
      int released = mailboxes.releasePollLocks(MailboxPoller.node() + ":");
      if (released > 0) {
        LOG.info(() -> "Released " + released + " mailbox poll lock(s) of this server's last run");
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "Could not release poll locks of the last run: " + e.getMessage());
    }
  }

  /** Reschedules a mailbox once an admin's change of it has committed. */
  public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelChanged change) {
    cancel(change.channelId());
    mailboxes.schedule(change.channelId()).ifPresent(this::schedule);
    idle.changed(change.channelId());
    idleWatchers();
  }

  /**
   * The IDLE connections follow the active mailboxes that allow IDLE (see {@link
   * IdleWatchers#tick}).
   */
  private void idleWatchers() {
    try {
      idle.tick(
          mailboxes.active().stream()
              .filter(MailboxDirectory.Schedule::idle)
              .map(MailboxDirectory.Schedule::channelId)
              .toList());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "IDLE connections not renewed: " + e.getMessage());
    }
  }

  private synchronized void schedule(MailboxDirectory.Schedule schedule) {
    long interval = schedule.pollSeconds() * 1000L;
    timers.createIntervalTimer(
        Math.min(interval, 2_000), interval, new TimerConfig(schedule.channelId(), false));
    scheduled.put(schedule.channelId(), schedule.pollSeconds());
  }

  private synchronized void cancel(long channelId) {
    for (Timer timer : timers.getTimers()) {
      if (Long.valueOf(channelId).equals(timer.getInfo())) {
        timer.cancel();
      }
    }
    scheduled.remove(channelId);
  }

  /** Brings the timers in line with the active mailboxes, whichever server changed them. */
  private synchronized void sync() {
    Map<Long, MailboxDirectory.Schedule> wanted = new HashMap<>();
    for (MailboxDirectory.Schedule schedule : mailboxes.active()) {
      wanted.put(schedule.channelId(), schedule);
    }
    for (Long channelId : new ArrayList<>(scheduled.keySet())) {
      MailboxDirectory.Schedule schedule = wanted.get(channelId);
      if (schedule == null || !scheduled.get(channelId).equals(schedule.pollSeconds())) {
        cancel(channelId);
      }
    }
    wanted.forEach(
        (channelId, schedule) -> {
          if (!scheduled.containsKey(channelId)) {
            schedule(schedule);
          }
        });
  }

  @Timeout
  void onTimer(Timer timer) {
    if (SYNC.equals(timer.getInfo())) {
      try {
        sync();
      } catch (RuntimeException e) {
        // The database may be away; the next sync tries again.
        LOG.log(Level.WARNING, "Mailbox timers not synchronised: " + e.getMessage());
      }
      idleWatchers();
      return;
    }
    if (TAKEOVER.equals(timer.getInfo())) {
      try {
        idle.takeOverDue();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "IDLE takeover not tried: " + e.getMessage());
      }
      return;
    }
    long channelId = (Long) timer.getInfo();
    try {
      poller.poll(channelId, false);
    } catch (RuntimeException e) {
      // Whatever happened, the timer lives on: the next tick tries again.
      LOG.log(Level.WARNING, "Poll of channel " + channelId + " failed unexpectedly", e);
    }
  }
}
