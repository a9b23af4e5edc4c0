package org.ventanilla.channel.whatsapp;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ventanilla.channel.whatsapp.MediaDownloader.MediaDownloadException;
import org.ventanilla.channel.whatsapp.MediaDownloader.StoredFile;
import org.ventanilla.channel.whatsapp.WebhookEvents.Inbound;
import org.ventanilla.channel.whatsapp.WebhookEvents.StatusUpdate;

/**
 * Turns stored webhook payloads into messages and delivery statuses: right after each is stored,
 * and every few seconds for whatever a crash or a failure left behind. One pass at a time per
 * server, and while a pass finds full batches (a backlog) up to {@link #EXTRA_FILERS} more filers
 * beside it: each batch claims its rows with {@code FOR UPDATE SKIP LOCKED}, so no two filers (of
 * this server or another) hold the same payload, and the wamid's unique key keeps a message from
 * being filed twice.
 */
@Singleton
@PermitAll
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookProcessor {

  private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());
  private static final long INTERVAL_MS = 5_000;
  private static final int BATCH = 100;

  /** Filers beside the pass while there is backlog (the machine has few cores). */
  static final int EXTRA_FILERS = 1;

  private static final long[] DOWNLOAD_BACKOFF_MS = {0, 500, 2_000};

  @Resource TimerService timers;
  @Inject WhatsAppInbound inbound;
  @Inject MediaRetries media;
  @Inject MediaDownloader downloader;
  @Inject WebhookKicker kicker;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean wanted = new AtomicBoolean();
  private final AtomicInteger extraFilers = new AtomicInteger();
  // Payloads a filer of this server is filing one by one: the other filer leaves them alone.
  private final Set<Long> inHand = ConcurrentHashMap.newKeySet();

  @PostConstruct
  void schedule() {
    // Not persistent: the payload table is the durable part; the timer only wakes us up.
    timers.createIntervalTimer(
        INTERVAL_MS, INTERVAL_MS, new TimerConfig("whatsapp-webhook", false));
  }

  @Timeout
  void onTimer() {
    process();
  }

  /**
   * Asks for a pass. True when none is running, so the caller must start one; otherwise the running
   * pass sees the request and looks once more before it ends.
   */
  public boolean request() {
    wanted.set(true);
    return !running.get();
  }

  /** Processes every due payload; a call during a pass makes that pass look once more. */
  public void process() {
    wanted.set(true);
    // Re-checked after releasing: a request that came while the last loop was ending is not lost.
    while (wanted.get() && running.compareAndSet(false, true)) {
      try {
        while (wanted.getAndSet(false)) {
          int claimed;
          do {
            claimed = nextBatch();
            if (claimed == BATCH) {
              moreFilers();
            }
          } while (claimed == BATCH);
          media.dueMedia(BATCH).forEach(this::retryMedia);
        }
      } catch (RuntimeException e) {
        // The database may be away; the next tick tries again.
        LOG.log(Level.WARNING, "Webhook pass failed: " + e.getMessage());
        return;
      } finally {
        running.set(false);
      }
    }
  }

  /** A backlog: one more filer beside this pass, if there is room for it. */
  private void moreFilers() {
    int now = extraFilers.get();
    if (now < EXTRA_FILERS && extraFilers.compareAndSet(now, now + 1)) {
      try {
        kicker.fileBacklog();
      } catch (RuntimeException e) {
        extraFilers.decrementAndGet();
        LOG.log(Level.FINE, "No extra filer", e);
      }
    }
  }

  /** An extra filer: full batches until the backlog is gone (media retries stay with the pass). */
  public void fileBacklog() {
    try {
      while (nextBatch() == BATCH) {
        // Go on: there is more.
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Extra webhook filer stopped: " + e.getMessage());
    } finally {
      extraFilers.decrementAndGet();
    }
  }

  /**
   * Files the next due payloads in one transaction; those with files, and all of them when the
   * batch fails (one bad payload, or another server filed a message first), one by one.
   */
  private int nextBatch() {
    WhatsAppInbound.Batch batch;
    try {
      batch = inbound.fileBatch(BATCH);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Webhook batch failed, filing one by one", e);
      List<Long> due = inbound.due(BATCH);
      due.forEach(this::handle);
      return due.size();
    }
    batch.withMedia().forEach(this::handle);
    return batch.claimed();
  }

  private void handle(long id) {
    if (!inHand.add(id)) {
      return;
    }
    try {
      handleInHand(id);
    } finally {
      inHand.remove(id);
    }
  }

  private void handleInHand(long id) {
    Optional<WhatsAppInbound.Pending> found = inbound.pending(id);
    if (found.isEmpty()) {
      return;
    }
    WhatsAppInbound.Pending pending = found.get();
    try {
      WebhookEvents events = WebhookParser.parse(pending.body());
      PayloadEvents.Outcome outcome =
          PayloadEvents.walk(
              id,
              events,
              pending.routes(),
              new PayloadEvents.Handler() {
                @Override
                public boolean applyStatus(StatusUpdate status) {
                  return inbound.applyStatus(status);
                }

                @Override
                public boolean file(long channelId, Inbound message) {
                  return WebhookProcessor.this.file(channelId, message);
                }

                @Override
                public void applyTemplate(long channelId, WebhookEvents.TemplateUpdate update) {
                  inbound.applyTemplate(channelId, update);
                }
              });
      if (outcome.retry()) {
        throw new IllegalStateException("a status names a message not recorded yet");
      }
      int received = outcome.received();
      inbound.processed(id, received);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook payload " + id + " failed, will retry: " + e);
      inbound.failed(id, e.toString());
    }
  }

  /** Fetches a file that failed before; the attachment gets it, or a note saying why not. */
  private void retryMedia(long attachmentId) {
    Optional<MediaRetries.MediaJob> job = media.mediaJob(attachmentId);
    if (job.isEmpty()) {
      media.mediaFailed(attachmentId, "the channel has no access token");
      return;
    }
    try {
      StoredFile file =
          downloader.download(job.get().access(), job.get().type(), job.get().media());
      media.mediaDownloaded(attachmentId, file);
    } catch (MediaDownloadException e) {
      media.mediaFailed(attachmentId, e.getMessage());
    }
  }

  /** Files one message; false when it was there already (a redelivery). */
  private boolean file(long channelId, Inbound message) {
    if (message.wamid() == null || inbound.isStored(message.wamid())) {
      return false;
    }
    Optional<StoredFile> file = Optional.empty();
    String problem = null;
    if (message.media() != null) {
      Optional<GraphApi.Access> access = media.access(channelId);
      if (access.isEmpty()) {
        problem = "the channel has no access token";
      } else {
        for (long wait : DOWNLOAD_BACKOFF_MS) {
          try {
            Thread.sleep(wait);
            file = Optional.of(downloader.download(access.get(), message.type(), message.media()));
            break;
          } catch (MediaDownloadException e) {
            problem = e.getMessage();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
            break;
          }
        }
      }
    }
    try {
      inbound.store(channelId, message, file, problem);
      return true;
    } catch (EJBException e) {
      // Another server (or a redelivery processed in parallel) filed it first: the unique key on
      // (channel, external_id) said so.
      if (inbound.isStored(message.wamid())) {
        return false;
      }
      throw e;
    }
  }
}
