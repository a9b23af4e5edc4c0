package org.ventanilla.channel.email;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.logging.Logger;
import org.ventanilla.agent.Role;
import org.ventanilla.channel.ChannelChanged;
import org.ventanilla.channel.ChannelRepository;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.platform.Settings;

/**
 * "Connect with Microsoft / Google": the authorization-code flow with PKCE (S256). {@link #start}
 * keeps an unguessable single-use state (only its hash), the admin who asked and the verifier
 * (sealed) on the mailbox for ten minutes; the callback, in the same admin's session, exchanges the
 * code and stores the refresh token sealed. The database holds it, so the callback may reach any
 * server.
 */
@Stateless
@RolesAllowed(Role.ADMIN_ROLE)
public class OAuthConnectService {

  private static final Logger LOG = Logger.getLogger(OAuthConnectService.class.getName());
  static final Duration AUTHORIZATION_TTL = Duration.ofMinutes(10);
  static final String CALLBACK_PATH = "/admin/oauth/callback";

  @Inject ChannelRepository channels;
  @Inject SecretBox secrets;
  @Inject Clock clock;
  @Inject OAuthWork work;
  @Inject OAuthTokens tokens;
  @Inject Event<ChannelChanged> changed;
  @Resource SessionContext session;

  /**
   * What the app registration must allow: VENTANILLA_PUBLIC_URL + /admin/oauth/callback, or, where
   * that is not set, the address the admin reached Ventanilla at ({@code requestBase}, scheme,
   * host, port and context path), so that a server on another port needs no setting to connect. An
   * instance method: WildFly warns at every start about an EJB's public static ones (WFLYEJB0131).
   */
  public String redirectUri(String requestBase) {
    String base = Settings.get("ventanilla.public.url").orElse(requestBase).strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + CALLBACK_PATH;
  }

  /**
   * The provider's page to open in the browser for this mailbox; {@code requestBase}: see {@link
   * #redirectUri}.
   */
  public String start(long channelId, String requestBase) {
    EmailChannel channel =
        channels
            .find(channelId, EmailChannel.class)
            .filter(c -> !c.isDeleted())
            .orElseThrow(() -> new NotFoundException("Email channel", channelId));
    if (channel.getOauthProvider() == null) {
      throw new InvalidInputException("The mailbox has no oauth settings");
    }
    String state = new State(32).getValue();
    String verifier = new CodeVerifier().getValue();
    channel.beginAuthorization(
        hash(state), caller(), secrets.encrypt(verifier), clock.instant().plus(AUTHORIZATION_TTL));
    return OAuthClient.authorizationUri(
            channel.oauthAuthorizationEndpoint(),
            channel.getOauthClientId(),
            redirectUri(requestBase),
            channel.oauthScopeList(),
            state,
            verifier,
            channel.getOauthProvider())
        .toString();
  }

  /**
   * The provider sent the admin back: the state must be this admin's authorization in progress
   * (used at most once); the code becomes the mailbox's refresh token. {@code requestBase}: where
   * the callback arrived (the same address the consent began from), see {@link #redirectUri}.
   *
   * @return the mailbox connected
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public long complete(String state, String code, String requestBase) {
    if (state == null || state.isBlank() || code == null || code.isBlank()) {
      throw new InvalidInputException("state and code are required");
    }
    OAuthWork.Taken taken = work.take(hash(state), caller());
    OAuthClient.Tokens granted;
    try {
      granted =
          OAuthClient.exchange(
              taken.endpoint(), code, redirectUri(requestBase), taken.verifier(), clock);
    } catch (OAuthClient.Refused e) {
      throw new InvalidInputException(e.getMessage());
    } catch (IOException e) {
      LOG.warning(() -> "OAuth2 code exchange failed: " + e);
      throw new InvalidInputException("The token endpoint could not be reached");
    }
    if (granted.refreshToken() == null) {
      throw new InvalidInputException(
          "The provider granted no refresh token: allow offline access (offline_access)");
    }
    work.connected(taken.channelId(), granted.refreshToken());
    tokens.remember(taken.channelId(), granted);
    changed.fire(new ChannelChanged(taken.channelId()));
    return taken.channelId();
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }

  static String hash(String state) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
