package org.ventanilla.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ventanilla.channel.ChannelChanged;
import org.ventanilla.channel.SecretBox;

/**
 * The active WhatsApp channels' app secrets, read once every few seconds rather than on every
 * delivery (a query per webhook showed in profiles). A change on this server takes effect at its
 * commit; one made on another server within {@link #FRESH_FOR}. A signature no cached secret
 * verifies may be checked again against secrets read anew, but those are read at most once every
 * {@link #RELOAD_AT_MOST_EVERY} however many forged deliveries arrive: a flood of bad signatures
 * costs HMACs, not database reads and decryptions.
 */
@ApplicationScoped
public class WebhookSecrets {

  private static final Logger LOG = Logger.getLogger(WebhookSecrets.class.getName());

  static final Duration FRESH_FOR = Duration.ofSeconds(2);
  static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(1);

  /** A channel that may verify deliveries: its id, its number's id and its app secret. */
  public record Verifier(long channelId, String phoneNumberId, String appSecret) {}

  private record Snapshot(List<Verifier> verifiers, Instant readAt) {}

  @Inject WhatsAppRepository whatsapp;
  @Inject SecretBox secrets;
  @Inject Clock clock;

  private volatile Snapshot snapshot;
  private Instant lastReload;
  private boolean waiting;
  Sleeper sleeper = Thread::sleep;

  /** The active channels' verifiers, from memory while fresh. */
  public List<Verifier> current() {
    Snapshot s = snapshot;
    if (isYounger(s, FRESH_FOR)) {
      return s.verifiers();
    }
    synchronized (this) {
      // Many deliveries at once find the snapshot stale: one reads, the others take its result.
      s = snapshot;
      return isYounger(s, FRESH_FOR) ? s.verifiers() : read();
    }
  }

  /**
   * Verifiers read anew for a signature that the cached ones did not verify. Reloads happen at most
   * once every {@link #RELOAD_AT_MOST_EVERY}: inside that window one miss at a time waits for it to
   * end and reloads (a channel created on another server a moment ago must verify at its first
   * deliveries, the fault drills found them refused), any other miss meanwhile gets empty at once.
   * A flood of forged signatures so costs one read a second and one waiting thread.
   */
  public Optional<List<Verifier>> reloaded() {
    Instant asked = clock.instant();
    Instant last;
    synchronized (this) {
      last = lastReload;
      if (last == null || !last.plus(RELOAD_AT_MOST_EVERY).isAfter(asked)) {
        lastReload = asked;
        return Optional.of(read());
      }
      if (waiting) {
        return Optional.empty();
      }
      waiting = true;
    }
    try {
      sleeper.sleep(Duration.between(asked, last.plus(RELOAD_AT_MOST_EVERY)).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      synchronized (this) {
        waiting = false;
      }
      return Optional.empty();
    }
    synchronized (this) {
      waiting = false;
      lastReload = clock.instant();
      return Optional.of(read());
    }
  }

  /** How a miss waits for the reload window to end (a test moves its clock instead). */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /** The active channels' verifiers, read from the database now. */
  public synchronized List<Verifier> fresh() {
    return read();
  }

  private boolean isYounger(Snapshot s, Duration age) {
    return s != null && s.readAt().plus(age).isAfter(clock.instant());
  }

  private List<Verifier> read() {
    Instant now = clock.instant();
    List<Verifier> verifiers = load();
    snapshot = new Snapshot(verifiers, now);
    return verifiers;
  }

  /** The one read of the database (and decryption of every secret). */
  List<Verifier> load() {
    List<Verifier> verifiers = new ArrayList<>();
    for (WhatsAppChannel c : whatsapp.activeChannels()) {
      try {
        verifiers.add(
            new Verifier(c.getId(), c.getPhoneNumberId(), secrets.decrypt(c.getAppSecretSealed())));
      } catch (IllegalStateException e) {
        // Sealed with another key (VENTANILLA_SECRET_KEY changed): that channel cannot verify
        // anything, the others still must.
        LOG.warning(() -> "WhatsApp channel " + c.getId() + " is skipped: " + e.getMessage());
      }
    }
    return List.copyOf(verifiers);
  }

  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelChanged change) {
    snapshot = null;
  }
}
