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
import java.util.logging.Logger;
import org.ventanilla.channel.ChannelChanged;
import org.ventanilla.channel.SecretBox;

/**
 * The active WhatsApp channels' app secrets, read once every few seconds rather than on every
 * delivery (a query per webhook showed in profiles). A change on this server takes effect at its
 * commit; one made on another server within {@link #FRESH_FOR}. A signature no cached secret
 * verifies is checked again against fresh ones, so a new channel or secret works at once.
 */
@ApplicationScoped
public class WebhookSecrets {

  private static final Logger LOG = Logger.getLogger(WebhookSecrets.class.getName());

  static final Duration FRESH_FOR = Duration.ofSeconds(2);

  /** A channel that may verify deliveries: its id, its number's id and its app secret. */
  public record Verifier(long channelId, String phoneNumberId, String appSecret) {}

  private record Snapshot(List<Verifier> verifiers, Instant readAt) {}

  @Inject WhatsAppRepository whatsapp;
  @Inject SecretBox secrets;
  @Inject Clock clock;

  private volatile Snapshot snapshot;

  /** The active channels' verifiers, from memory while fresh. */
  public List<Verifier> current() {
    Snapshot s = snapshot;
    if (s == null || s.readAt().plus(FRESH_FOR).isBefore(clock.instant())) {
      return fresh();
    }
    return s.verifiers();
  }

  /** The active channels' verifiers, read from the database now. */
  public List<Verifier> fresh() {
    Instant now = clock.instant();
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
    snapshot = new Snapshot(verifiers, now);
    return verifiers;
  }

  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChannelChanged change) {
    snapshot = null;
  }
}
