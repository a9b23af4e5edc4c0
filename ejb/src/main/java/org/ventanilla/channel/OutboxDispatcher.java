package org.ventanilla.channel;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds: every couple of seconds, and right after a reply is committed. One
 * pass at a time per server; several servers share the work through claims.
 */
@Singleton
@PermitAll
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxDispatcher {

  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
  private static final long INTERVAL_MS = 2_000;
  private static final int BATCH = 20;

  @Resource TimerService timers;
  @Inject OutboxWork work;
  @Inject Senders senders;

  private final AtomicBoolean running = new AtomicBoolean();
  private final String node = System.getProperty("jboss.node.name", "ventanilla");

  @PostConstruct
  void schedule() {
    // Not persistent: the outbox table is the durable part; the timer only wakes us up.
    timers.createIntervalTimer(INTERVAL_MS, INTERVAL_MS, new TimerConfig("outbox", false));
  }

  @Timeout
  void onTimer() {
    dispatch();
  }

  /** Sends everything due; returns how many attempts were made. */
  public int dispatch() {
    if (!running.compareAndSet(false, true)) {
      return 0;
    }
    int attempts = 0;
    try {
      List<Long> due;
      do {
        due = work.due(BATCH);
        for (long id : due) {
          attempts += attempt(id) ? 1 : 0;
        }
      } while (due.size() == BATCH);
    } catch (RuntimeException e) {
      // The database may be away; the next tick tries again.
      LOG.log(Level.WARNING, "Outbox pass failed: " + e.getMessage());
    } finally {
      running.set(false);
    }
    return attempts;
  }

  private boolean attempt(long id) {
    WorkItem<?> item;
    try {
      var claimed = work.claim(id, node, senders);
      if (claimed.isEmpty()) {
        return false;
      }
      item = new WorkItem<>(claimed.get());
    } catch (EJBException e) {
      // Another server claimed it first (optimistic lock), or it vanished: not ours to send.
      return false;
    }
    SendResult result = sendSafely(item);
    work.record(id, result);
    if (!(result instanceof SendResult.Sent)) {
      LOG.info(() -> "Outbox entry " + id + ": " + result);
    }
    return true;
  }

  private static SendResult sendSafely(WorkItem<?> item) {
    try {
      return item.send();
    } catch (RuntimeException e) {
      // A sender bug or an unexpected network error: retried with backoff, never lost.
      return new SendResult.TryLater(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private record WorkItem<P>(OutboxWork.Claimed<P> claimed) {
    SendResult send() {
      return claimed.sender().send(claimed.payload());
    }
  }
}
