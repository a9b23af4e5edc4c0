package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ventanilla.channel.SecretBox;

/**
 * Meta's side of the webhook. The signature is the authentication: nothing is stored before it
 * verifies. A verified delivery is stored raw by the group commit ({@link WebhookGroupCommit}) and
 * answered once committed; processing follows (and the timer of {@link WebhookProcessor} catches
 * whatever that kick missed).
 */
@Stateless
@PermitAll
public class WhatsAppWebhook {

  @Inject WhatsAppRepository whatsapp;
  @Inject SecretBox secrets;
  @Inject WebhookSecrets verifiers;
  @Inject WebhookGroupCommit groupCommit;

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
   * Hands a delivery whose signature one channel's app secret verifies to the group commit. The
   * signature comes first, over the raw bytes against the cached secrets (read anew at most once a
   * second, see {@link WebhookSecrets#reloaded}); only a verified body is parsed as JSON at all, so
   * a forged delivery costs a few HMACs and nothing else.
   *
   * @return completes with the stored payload's id once its group is committed (the 200), or
   *     exceptionally when that commit failed (a 5xx: Meta delivers again)
   * @throws WebhookRejectedException when no signature, or no channel's secret verifies it, or a
   *     verified body is not a JSON object
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public CompletableFuture<Long> receive(byte[] body, String signature) {
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
    return groupCommit.store(verifier.get(), json);
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
}
