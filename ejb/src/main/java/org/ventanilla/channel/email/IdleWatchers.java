package org.ventanilla.channel.email;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.ventanilla.common.Backoff;

/**
 * IMAP IDLE: a mailbox whose server announces IDLE keeps one connection waiting in IDLE, on one
 * server of all (it holds the mailbox's poll lock, renewed every 30 s, so timer polls everywhere
 * skip it). When the server says something changed, the connection runs the ordinary poll (by UID,
 * stored then flagged): IDLE only decides when. It re-IDLEs every {@link #RECHECK} (servers end
 * IDLE after 29 minutes), reconnects with the poll's backoff, and leaves the mailbox to polling for
 * {@link #COOL_OFF} when the server has no IDLE or it failed {@link #MAX_FAILURES} times in a row.
 * Threads come from the container's {@link ManagedThreadFactory}; undeploying closes every
 * connection, and a server that dies frees its mailboxes when their locks run out.
 */
@ApplicationScoped
public class IdleWatchers {

  private static final Logger LOG = Logger.getLogger(IdleWatchers.class.getName());
  // Servers end IDLE after 29 minutes, and some miss a mail that lands just as IDLE starts
  // (GreenMail): every tick ends an IDLE older than this, looks at the newest UID (a NOOP and a
  // UID FETCH on the open connection, no new login) and polls only when it moved.
  static final Duration RECHECK = Duration.ofSeconds(25);
  // A mail that lands as IDLE starts is the one a server may report to no IDLE: one look at the
  // newest UID this long after each IDLE that follows a poll.
  static final Duration SETTLE = Duration.ofSeconds(1);
  // After the lock's expiry, room for the clocks of two servers to differ a little.
  static final Duration TAKEOVER_MARGIN = Duration.ofSeconds(1);
  static final Duration COOL_OFF = Duration.ofMinutes(10);
  static final int MAX_FAILURES = 3;

  @Resource ManagedThreadFactory threads;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject PollWork work;
  @Inject MailboxPoller poller;
  @Inject OAuthTokens tokens;
  @Inject Clock clock;

  private final Map<Long, Watcher> watchers = new ConcurrentHashMap<>();
  private final Map<Long, Instant> pollingUntil = new ConcurrentHashMap<>();
  // Locks of ended connections that could not be released (the database was away): released at the
  // next tick, so the mailbox is read again at once instead of after the lock's 90 s.
  private final Map<Long, String> unreleased = new ConcurrentHashMap<>();
  // Mailboxes another holder keeps, and when that lock runs out: a server that dies idling leaves
  // its lock to expire, and the others try at that instant (see takeOverDue), not at a later tick.
  private final Map<Long, Instant> takeOverAt = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  /**
   * Every 30 s (and when a mailbox changes): renews the locks of the IDLE connections here, wakes
   * those idling for {@link #RECHECK}, and tries IDLE for the mailboxes no server watches.
   */
  public void tick(Collection<Long> activeMailboxes) {
    if (stopping) {
      return;
    }
    Instant now = clock.instant();
    unreleased.forEach(
        (channelId, owner) -> {
          try {
            work.endIdle(channelId, owner);
            unreleased.remove(channelId, owner);
          } catch (RuntimeException e) {
            LOG.fine(() -> "IDLE lock of channel " + channelId + " still not released: " + e);
          }
        });
    for (Watcher watcher : watchers.values()) {
      if (!activeMailboxes.contains(watcher.channelId)) {
        watcher.stop();
        continue;
      }
      try {
        if (watcher.connected && !work.keepIdling(watcher.channelId, watcher.owner)) {
          watcher.stop();
        } else if (watcher.idleSince != null && watcher.idleSince.plus(RECHECK).isBefore(now)) {
          watcher.wake();
        }
      } catch (RuntimeException e) {
        LOG.warning(() -> "IDLE lock of channel " + watcher.channelId + " not renewed: " + e);
      }
    }
    takeOverAt.keySet().retainAll(activeMailboxes);
    for (Long channelId : activeMailboxes) {
      start(channelId);
    }
  }

  /**
   * Every few seconds: tries IDLE for the mailboxes whose holder's lock has just run out (its
   * server died, or its connection ended), so that a mailbox is idle again within the lock's expiry
   * rather than up to a tick after it. Touches the database only for those.
   */
  public void takeOverDue() {
    Instant now = clock.instant();
    takeOverAt.forEach(
        (channelId, at) -> {
          if (!at.isAfter(now) && takeOverAt.remove(channelId, at)) {
            start(channelId);
          }
        });
  }

  /** Tries IDLE for a mailbox, unless a connection here has it or it polls for now. */
  public void start(long channelId) {
    Instant until = pollingUntil.get(channelId);
    if (stopping
        || watchers.containsKey(channelId)
        || until != null && until.isAfter(clock.instant())) {
      return;
    }
    Watcher watcher = new Watcher(channelId, MailboxPoller.node() + ":idle:" + UUID.randomUUID());
    if (watchers.putIfAbsent(channelId, watcher) == null) {
      threads.newThread(watcher).start();
    }
  }

  /** A mailbox's settings changed: its connection (if here) ends, the next tick starts afresh. */
  public void changed(long channelId) {
    pollingUntil.remove(channelId);
    Watcher watcher = watchers.get(channelId);
    if (watcher != null) {
      watcher.stop();
    }
  }

  /**
   * A poll asked for now (the API's, an admin's button) of a mailbox idling here: its connection
   * polls at once; true when it did within a few seconds.
   */
  public boolean pollNow(long channelId) {
    Watcher watcher = watchers.get(channelId);
    return watcher != null && watcher.connected && watcher.pollAndWait(Duration.ofSeconds(20));
  }

  public boolean idling(long channelId) {
    Watcher watcher = watchers.get(channelId);
    return watcher != null && watcher.connected;
  }

  @PreDestroy
  void closeAll() {
    stopping = true;
    watchers.values().forEach(Watcher::stop);
  }

  private final class Watcher implements Runnable {
    final long channelId;
    final String owner;
    volatile boolean stopped;
    volatile boolean connected;
    volatile Instant idleSince;
    volatile Store store;
    volatile IMAPFolder folder;
    private long polls;
    private long wanted;
    // The newest UID this connection saw when it last polled: -1 until its first poll.
    private long polledUid = -1;
    private int drops;

    Watcher(long channelId, String owner) {
      this.channelId = channelId;
      this.owner = owner;
    }

    @Override
    public void run() {
      int failures = 0;
      try {
        while (!stopped) {
          Optional<PollPlan> plan = work.beginIdle(channelId, owner);
          if (plan.isEmpty()) {
            // Paused, backing off, or someone else holds it: polls as before, and should that
            // holder be a server that dies, this one tries again when its lock runs out.
            work.heldUntil(channelId)
                .ifPresent(until -> takeOverAt.put(channelId, until.plus(TAKEOVER_MARGIN)));
            return;
          }
          try {
            if (!connect(plan.get())) {
              LOG.info(() -> "Channel " + channelId + ": the server has no IDLE, polling");
              pollingUntil.put(channelId, clock.instant().plus(COOL_OFF));
              return;
            }
            failures = 0;
            LOG.info(() -> "Channel " + channelId + ": IDLE connection open, mail comes at once");
            while (!stopped) {
              // The newest UID, by a NOOP on the IDLE connection, before and after the poll: mail
              // that arrives while the poll runs is seen here and polled again, not left to the
              // next IDLE (GreenMail reports it before IDLE's "+", which ends no IDLE, and can miss
              // it altogether); a wake that finds nothing new (flags, the periodic re-check)
              // costs no poll.
              Long seen = newestUnlessDropped();
              if (seen == null) {
                break;
              }
              boolean asked;
              synchronized (this) {
                asked = wanted > polls;
              }
              boolean polled = asked || seen != polledUid;
              if (polled) {
                MailboxPoller.PollResult result = poller.pollIdling(channelId, owner);
                LOG.fine(() -> "Channel " + channelId + " IDLE poll: " + result);
                polledUid = seen;
                synchronized (this) {
                  polls++;
                  notifyAll();
                }
              }
              if (stopped || !work.keepIdling(channelId, owner)) {
                LOG.info(() -> "Channel " + channelId + ": IDLE lock lost or mailbox paused");
                return;
              }
              synchronized (this) {
                if (wanted > polls) {
                  continue; // someone asked for a poll while this one ran
                }
              }
              Long now = newestUnlessDropped();
              if (now == null) {
                break; // reopened at once, and polled again
              }
              if (!now.equals(seen)) {
                continue; // mail came while the poll ran
              }
              idleSince = clock.instant();
              ScheduledFuture<?> settle =
                  polled
                      ? scheduler.schedule(this::wake, SETTLE.toMillis(), TimeUnit.MILLISECONDS)
                      : null;
              try {
                folder.idle(true);
              } finally {
                if (settle != null) {
                  settle.cancel(false);
                }
              }
              idleSince = null;
              drops = 0;
              LOG.fine(() -> "Channel " + channelId + " IDLE woke");
            }
          } catch (MessagingException | RuntimeException e) {
            if (stopped) {
              return;
            }
            failures++;
            int failed = failures;
            LOG.warning(
                () ->
                    "IDLE of channel "
                        + channelId
                        + " failed ("
                        + failed
                        + "): "
                        + MailboxPoller.describe(e));
            if (failures >= MAX_FAILURES || e instanceof OAuthGrantRevokedException) {
              pollingUntil.put(channelId, clock.instant().plus(COOL_OFF));
              return;
            }
            close();
            work.endIdle(channelId, owner);
            sleep(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1)).delay(failures - 1));
          } finally {
            close();
          }
        }
      } catch (RuntimeException e) {
        LOG.warning(() -> "IDLE of channel " + channelId + " ended: " + e);
      } finally {
        connected = false;
        try {
          work.endIdle(channelId, owner);
        } catch (RuntimeException e) {
          LOG.fine(() -> "IDLE lock of channel " + channelId + " released at the next tick: " + e);
          unreleased.put(channelId, owner);
        }
        watchers.remove(channelId, this);
        synchronized (this) {
          notifyAll();
        }
      }
    }

    /**
     * The UID of the folder's newest mail (0 when empty), by a NOOP on the IDLE connection; null
     * when the server had closed the connection. It sits silent while a poll runs on another
     * connection, and some servers end a silent connection (GreenMail after 30 s, providers after
     * some minutes): that is no failure (the poll brought the mail in), the loop reopens it at
     * once. Only repeated drops with no IDLE in between count as one.
     */
    private Long newestUnlessDropped() throws MessagingException {
      try {
        int count = folder.getMessageCount();
        return count == 0 ? 0L : folder.getUID(folder.getMessage(count));
      } catch (FolderClosedException | StoreClosedException e) {
        if (++drops > MAX_FAILURES) {
          throw e;
        }
        LOG.info(
            () -> "Channel " + channelId + ": the server closed the IDLE connection, reopening it");
        return null;
      }
    }

    /** Signs in and opens the folder; false when the server does not offer IDLE. */
    private boolean connect(PollPlan p) throws MessagingException {
      Store s =
          MailSessions.imap(p.security(), p.auth())
              .getStore(MailSessions.imapProtocol(p.security()));
      store = s;
      if (p.auth() == MailAuth.OAUTH2) {
        tokens.connect(s, channelId, p.host(), p.port(), p.username());
      } else {
        s.connect(p.host(), p.port(), p.username(), p.password());
      }
      if (!(s instanceof IMAPStore imap) || !imap.hasCapability("IDLE")) {
        return false;
      }
      IMAPFolder f = (IMAPFolder) s.getFolder(p.folder());
      f.open(Folder.READ_ONLY);
      folder = f;
      polledUid = -1;
      connected = true;
      return true;
    }

    /** Ends the IDLE command (a NOOP from this thread does), so the loop polls or re-IDLEs. */
    void wake() {
      IMAPFolder f = folder;
      if (f != null) {
        try {
          f.doCommand(
              protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
              });
        } catch (MessagingException | RuntimeException e) {
          LOG.fine(() -> "Waking the IDLE of channel " + channelId + ": " + e);
        }
      }
    }

    boolean pollAndWait(Duration deadline) {
      long target;
      synchronized (this) {
        target = polls + 1;
        wanted = target;
      }
      wake();
      Instant end = clock.instant().plus(deadline);
      synchronized (this) {
        while (polls < target && connected && !stopped) {
          long left = Duration.between(clock.instant(), end).toMillis();
          if (left <= 0) {
            return false;
          }
          try {
            wait(left);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        }
        return polls >= target;
      }
    }

    void stop() {
      stopped = true;
      wake();
      close();
    }

    private void close() {
      connected = false;
      IMAPFolder f = folder;
      folder = null;
      Store s = store;
      store = null;
      if (f != null) {
        try {
          f.close(false);
        } catch (MessagingException | RuntimeException ignored) {
          // the connection is gone either way
        }
      }
      if (s != null) {
        try {
          s.close();
        } catch (MessagingException | RuntimeException ignored) {
          // the connection is gone either way
        }
      }
    }

    private void sleep(Duration duration) {
      try {
        Thread.sleep(duration.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
  }
}
