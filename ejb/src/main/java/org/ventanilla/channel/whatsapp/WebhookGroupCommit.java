package org.ventanilla.channel.whatsapp;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit of webhook deliveries: requests hand their verified body here and wait; one writer
 * thread stores every delivery waiting at that moment in one transaction, commits once, and only
 * then completes each request (its 200). A failed commit fails the whole group (each answers 5xx
 * and Meta delivers again), so nothing acknowledged is ever lost. With one delivery at a time this
 * is one commit per delivery, as before; with 64 at once it is a handful.
 */
@Singleton
@Startup
@PermitAll
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookGroupCommit {

  private static final Logger LOG = Logger.getLogger(WebhookGroupCommit.class.getName());

  /** One transaction holds at most this many deliveries (a 1 MB body each at worst: 64 MB). */
  static final int MAX_GROUP = 64;

  /** A verified delivery waiting for its group's commit. */
  public record Delivery(
      long id, long channelId, String json, Instant receivedAt, CompletableFuture<Long> done) {}

  private record Waiting(long channelId, String json, Instant at, CompletableFuture<Long> done) {}

  @Resource ManagedThreadFactory threads;
  @Inject WebhookGroupWriter writer;
  @Inject WebhookProcessor processor;
  @Inject WebhookKicker kicker;
  @Inject Clock clock;

  private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
  private volatile boolean stopped;
  private Thread thread;
  // Touched by the writer thread only.
  private long nextId;
  private long blockEnd = -1;

  // Read by anyone (logs, tests): how many groups were committed and how many deliveries they held.
  private final AtomicLong groups = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();

  @PostConstruct
  void start() {
    thread = newThread(this::run);
    thread.setName("webhook-group-commit");
    thread.start();
  }

  @PreDestroy
  void stop() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Waiting> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(w -> w.done().completeExceptionally(new IllegalStateException("shutting down")));
  }

  /** The writer's thread; a test gives a plain one. */
  Thread newThread(Runnable task) {
    return threads.newThread(task);
  }

  /** Groups committed since start (fewer than {@link #deliveriesStored} when grouping happened). */
  public long groupsCommitted() {
    return groups.get();
  }

  /** Deliveries committed since start. */
  public long deliveriesStored() {
    return stored.get();
  }

  /** Queues a verified delivery; the future completes with its id once committed. */
  public CompletableFuture<Long> store(long channelId, String json) {
    CompletableFuture<Long> done = new CompletableFuture<>();
    if (stopped) {
      done.completeExceptionally(new IllegalStateException("shutting down"));
      return done;
    }
    queue.add(new Waiting(channelId, json, clock.instant(), done));
    return done;
  }

  private void run() {
    while (!stopped) {
      List<Waiting> group = new ArrayList<>();
      try {
        Waiting first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        // Everything that waits at this moment, not more: no delay is added to wait for company.
        queue.drainTo(group, MAX_GROUP - 1);
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        group.forEach(w -> w.done().completeExceptionally(e));
        return;
      } catch (Throwable e) {
        // Never leave a request waiting, and never let the writer die with the server up.
        LOG.log(Level.SEVERE, "Webhook group commit failed unexpectedly", e);
        group.forEach(w -> w.done().completeExceptionally(e));
      }
    }
  }

  private void commit(List<Waiting> group) {
    List<Delivery> rows = new ArrayList<>(group.size());
    try {
      for (Waiting w : group) {
        rows.add(new Delivery(nextId(), w.channelId(), w.json(), w.at(), w.done()));
      }
      writer.insert(rows);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook group of " + group.size() + " not stored: " + e);
      group.forEach(w -> w.done().completeExceptionally(e));
      return;
    }
    groups.incrementAndGet();
    stored.addAndGet(rows.size());
    rows.forEach(r -> r.done().complete(r.id()));
    // Committed: file them now (a pass already running picks them up).
    try {
      if (processor.request()) {
        kicker.kick();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Kick failed; the processor's timer files them", e);
    }
  }

  private long nextId() {
    if (nextId > blockEnd) {
      blockEnd = writer.nextBlock();
      nextId = blockEnd - WebhookGroupWriter.BLOCK + 1;
    }
    return nextId++;
  }
}
