package org.ventanilla.channel.email;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.common.InvalidInputException;

/**
 * The short transactions around OAuth2 requests (never held open across one): read a mailbox's
 * client and grant, take an authorization in progress, store what the provider answered.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OAuthWork {

  @PersistenceContext private EntityManager em;
  @Inject SecretBox secrets;
  @Inject Clock clock;

  /** What a refresh needs: the token endpoint, the client, the refresh token (decrypted). */
  public record Grant(OAuthClient.Endpoint endpoint, String refreshToken) {
    @Override
    public String toString() {
      return "Grant[" + endpoint + "]";
    }
  }

  /** An authorization taken from its mailbox, ready for the code exchange. */
  public record Taken(long channelId, OAuthClient.Endpoint endpoint, String verifier) {
    @Override
    public String toString() {
      return "Taken[channel=" + channelId + "]";
    }
  }

  /** The working grant of a mailbox; empty when it has none (or it needs a reconnect). */
  public Optional<Grant> grant(long channelId) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    if (channel == null
        || channel.getOauthStatus() != OAuthStatus.CONNECTED
        || channel.getOauthRefreshTokenSealed() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Grant(endpoint(channel), secrets.decrypt(channel.getOauthRefreshTokenSealed())));
  }

  /** Takes the authorization whose state hashes to {@code stateHash}: once, by its own admin. */
  public Taken take(String stateHash, String admin) {
    EmailChannel channel =
        em.createQuery(
                "SELECT c FROM EmailChannel c WHERE c.oauthPendingState = :state",
                EmailChannel.class)
            .setParameter("state", stateHash)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> new InvalidInputException("Unknown or already used authorization state"));
    String verifier = secrets.decrypt(channel.takeAuthorization(admin, clock.instant()));
    return new Taken(channel.getId(), endpoint(channel), verifier);
  }

  public void connected(long channelId, String refreshToken) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    if (channel != null) {
      channel.connectOAuth(secrets.encrypt(refreshToken));
    }
  }

  public void rotated(long channelId, String refreshToken) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    if (channel != null) {
      channel.rotateRefreshToken(secrets.encrypt(refreshToken));
    }
  }

  /** The provider says the grant is gone: the mailbox pauses until an admin reconnects it. */
  public void revoked(long channelId) {
    EmailChannel channel = em.find(EmailChannel.class, channelId);
    if (channel != null) {
      channel.oauthReconnectNeeded();
    }
  }

  private OAuthClient.Endpoint endpoint(EmailChannel channel) {
    return new OAuthClient.Endpoint(
        channel.oauthTokenEndpoint(),
        channel.getOauthClientId(),
        secrets.decrypt(channel.getOauthClientSecretSealed()));
  }
}
