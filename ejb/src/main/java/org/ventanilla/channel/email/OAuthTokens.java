package org.ventanilla.channel.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Service;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Access tokens of OAuth2 mailboxes, one cached per mailbox on this server and shared by its polls
 * and sends. A token is refreshed a little before it expires, and once more when a mail server
 * refuses it; one refresh at a time per mailbox. When the provider answers {@code invalid_grant}
 * the mailbox is marked {@code reconnect_needed} and pauses, alone. Tokens are never logged.
 */
@ApplicationScoped
public class OAuthTokens {

  private static final Logger LOG = Logger.getLogger(OAuthTokens.class.getName());
  static final Duration MAX_EARLY = Duration.ofSeconds(60);
  static final String RECONNECT =
      "OAuth2 access was revoked or has expired: connect the mailbox again";

  @Inject OAuthWork work;
  @Inject Clock clock;

  private record Cached(String token, Instant issuedAt, Instant expiresAt) {
    /** Fresh until a quarter of its life (at most a minute) before it expires. */
    boolean fresh(Instant now) {
      Duration life = Duration.between(issuedAt, expiresAt);
      Duration early = life.dividedBy(4).compareTo(MAX_EARLY) > 0 ? MAX_EARLY : life.dividedBy(4);
      return now.isBefore(expiresAt.minus(early));
    }
  }

  private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
  private final Map<Long, Object> locks = new ConcurrentHashMap<>();

  /** Connects a store or transport with XOAUTH2, refreshing once if the server refuses. */
  public void connect(Service service, long channelId, String host, int port, String username)
      throws MessagingException {
    String token = accessToken(channelId);
    try {
      service.connect(host, port, username, token);
    } catch (AuthenticationFailedException refused) {
      LOG.fine(() -> "Mail server refused the access token of channel " + channelId);
      service.connect(host, port, username, refreshUnless(channelId, token));
    }
  }

  /** A token valid for a while yet: the cached one, or a fresh one. */
  public String accessToken(long channelId) throws MessagingException {
    Cached cached = cache.get(channelId);
    if (cached != null && cached.fresh(clock.instant())) {
      return cached.token();
    }
    return refreshUnless(channelId, cached == null ? null : cached.token());
  }

  /** Tokens just obtained (by the connect flow). */
  void remember(long channelId, OAuthClient.Tokens tokens) {
    cache.put(channelId, new Cached(tokens.accessToken(), clock.instant(), tokens.expiresAt()));
  }

  public void forget(long channelId) {
    cache.remove(channelId);
  }

  /** Refreshes, unless another thread replaced {@code stale} with a fresh token meanwhile. */
  private String refreshUnless(long channelId, String stale) throws MessagingException {
    synchronized (locks.computeIfAbsent(channelId, id -> new Object())) {
      Cached cached = cache.get(channelId);
      if (cached != null && !cached.token().equals(stale) && cached.fresh(clock.instant())) {
        return cached.token();
      }
      OAuthWork.Grant grant =
          work.grant(channelId).orElseThrow(() -> new OAuthGrantRevokedException(RECONNECT));
      try {
        OAuthClient.Tokens tokens =
            OAuthClient.refresh(grant.endpoint(), grant.refreshToken(), clock);
        if (tokens.refreshToken() != null && !tokens.refreshToken().equals(grant.refreshToken())) {
          work.rotated(channelId, tokens.refreshToken());
        }
        remember(channelId, tokens);
        return tokens.accessToken();
      } catch (OAuthClient.Refused refused) {
        cache.remove(channelId);
        if (refused.grantRevoked()) {
          work.revoked(channelId);
          LOG.warning(() -> "Channel " + channelId + ": " + RECONNECT);
          throw new OAuthGrantRevokedException(RECONNECT);
        }
        throw new MessagingException("Cannot refresh the OAuth2 token: " + refused.getMessage());
      } catch (IOException e) {
        throw new MessagingException("The OAuth2 token endpoint failed: " + e.getMessage(), e);
      }
    }
  }
}
