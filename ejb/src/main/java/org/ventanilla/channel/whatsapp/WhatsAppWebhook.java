package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ventanilla.channel.SecretBox;

/**
 * Meta's side of the webhook. The signature is the authentication: nothing is stored before it
 * verifies. A verified delivery is stored raw and answered at once; processing follows after the
 * commit (and the timer of {@link WebhookProcessor} catches whatever that kick missed).
 */
@Stateless
@PermitAll
public class WhatsAppWebhook {

  @Inject WhatsAppRepository whatsapp;
  @Inject SecretBox secrets;
  @Inject WebhookSecrets verifiers;
  @Inject Clock clock;
  @Inject Event<Stored> stored;

  /** Meta's subscription check: the challenge back when the token is one of ours. */
  public Optional<String> verify(String mode, String token, String challenge) {
    if (!"subscribe".equals(mode) || token == null || token.isEmpty() || challenge == null) {
      return Optional.empty();
    }
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    for (WhatsAppChannel channel : whatsapp.activeChannels()) {
      String mine = secrets.decrypt(channel.getVerifyTokenSealed());
      if (mine != null && MessageDigest.isEqual(mine.getBytes(StandardCharsets.UTF_8), given)) {
        return Optional.of(challenge);
      }
    }
    return Optional.empty();
  }

  /**
   * Stores a delivery whose signature one channel's app secret verifies. The signature comes first,
   * over the raw bytes against the cached secrets (read anew at most once a second, see {@link
   * WebhookSecrets#reloaded}); only a verified body is parsed as JSON at all, so a forged delivery
   * costs a few HMACs and nothing else.
   *
   * @return the stored payload's id
   * @throws WebhookRejectedException when no signature, or no channel's secret verifies it, or a
   *     verified body is not a JSON object
   */
  public long receive(byte[] body, String signature) {
    if (signature == null || signature.isBlank()) {
      throw new WebhookRejectedException(false);
    }
    Optional<Long> verifier = verifier(body, signature, verifiers.current());
    if (verifier.isEmpty()) {
      // Perhaps a channel added or a secret changed on another server a moment ago.
      verifier = verifiers.reloaded().flatMap(fresh -> verifier(body, signature, fresh));
    }
    if (verifier.isEmpty()) {
      throw new WebhookRejectedException(true);
    }
    String json = new String(body, StandardCharsets.UTF_8);
    // Malformed JSON is said only to a sender that proves it holds an app secret.
    Optional<String> malformed = WebhookParser.malformation(json);
    if (malformed.isPresent()) {
      throw WebhookRejectedException.notJson(malformed.get());
    }
    WebhookPayload payload = new WebhookPayload(verifier.get(), json, clock.instant());
    whatsapp.add(payload);
    whatsapp.flush();
    stored.fire(new Stored(payload.getId()));
    return payload.getId();
  }

  /** The channel whose secret verifies the signature. */
  static Optional<Long> verifier(
      byte[] body, String signature, List<WebhookSecrets.Verifier> channels) {
    for (WebhookSecrets.Verifier channel : channels) {
      if (WebhookSignature.verify(body, signature, channel.appSecret())) {
        return Optional.of(channel.channelId());
      }
    }
    return Optional.empty();
  }

  /** A verified delivery was stored. */
  public record Stored(long payloadId) {}
}
