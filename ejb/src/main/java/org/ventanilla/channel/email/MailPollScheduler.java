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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ventanilla.channel.ChannelChanged;

/**
 * One programmatic EJB timer per active mailbox, at the mailbox's own interval. Timers are not
 * persistent: the mailbox's reading position lives in the database, and every start (of this or any
 * other server) schedules them afresh. A failing poll never cancels its timer.
 */
@Singleton
@Startup
@PermitAll
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailPollScheduler {

  private static final Logger LOG = Logger.getLogger(MailPollScheduler.class.getName());

  @Resource TimerService timers;
  @Inject MailboxPoller poller;
  @Inject MailboxDirectory mailboxes;

  @PostConstruct
  void scheduleAll() {
    for (MailboxDirectory.Schedule schedule : mailboxes.active()) {
      schedule(schedule);
    }
  }

  /** Reschedules a mailbox once an admin's change of it has committed. */
  public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelChanged change) {
    cancel(change.channelId());
    mailboxes.schedule(change.channelId()).ifPresent(this::schedule);
  }

  private synchronized void schedule(MailboxDirectory.Schedule schedule) {
    long interval = schedule.pollSeconds() * 1000L;
    timers.createIntervalTimer(
        Math.min(interval, 2_000), interval, new TimerConfig(schedule.channelId(), false));
  }

  private synchronized void cancel(long channelId) {
    for (Timer timer : timers.getTimers()) {
      if (Long.valueOf(channelId).equals(timer.getInfo())) {
        timer.cancel();
      }
    }
  }

  @Timeout
  void poll(Timer timer) {
    long channelId = (Long) timer.getInfo();
    try {
      poller.poll(channelId, false);
    } catch (RuntimeException e) {
      // Whatever happened, the timer lives on: the next tick tries again.
      LOG.log(Level.WARNING, "Poll of channel " + channelId + " failed unexpectedly", e);
    }
  }
}
