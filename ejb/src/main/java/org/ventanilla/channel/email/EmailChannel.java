package org.ventanilla.channel.email;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Locale;
import org.ventanilla.channel.Channel;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.ContactNormalizer;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;

/**
 * A mailbox: read over IMAP, incrementally by UID (with the folder's UIDVALIDITY), answered over
 * SMTP. Passwords are stored encrypted (the caller seals them with the SecretBox).
 */
@Entity
@DiscriminatorValue("EMAIL")
public class EmailChannel extends Channel {

  static final int MIN_POLL_SECONDS = 5;
  static final int MAX_POLL_SECONDS = 3600;

  @Column(name = "email_address")
  private String address;

  @Column(name = "poll_seconds")
  private Integer pollSeconds;

  @Column(name = "imap_host")
  private String imapHost;

  @Column(name = "imap_port")
  private Integer imapPort;

  @Enumerated(EnumType.STRING)
  @Column(name = "imap_security")
  private MailSecurity imapSecurity;

  @Column(name = "imap_username")
  private String imapUsername;

  @Column(name = "imap_password_enc")
  private String imapPasswordSealed;

  @Column(name = "imap_folder")
  private String imapFolder;

  @Column(name = "imap_processed_folder")
  private String processedFolder;

  @Column(name = "imap_uid_validity")
  private Long uidValidity;

  @Column(name = "imap_last_uid")
  private Long lastUid;

  @Column(name = "smtp_host")
  private String smtpHost;

  @Column(name = "smtp_port")
  private Integer smtpPort;

  @Enumerated(EnumType.STRING)
  @Column(name = "smtp_security")
  private MailSecurity smtpSecurity;

  @Column(name = "smtp_username")
  private String smtpUsername;

  @Column(name = "smtp_password_enc")
  private String smtpPasswordSealed;

  @Column(name = "poll_lock_owner")
  private String pollLockOwner;

  @Column(name = "poll_lock_until")
  private Instant pollLockUntil;

  @Enumerated(EnumType.STRING)
  @Column(name = "imap_auth")
  private MailAuth imapAuth;

  @Enumerated(EnumType.STRING)
  @Column(name = "smtp_auth")
  private MailAuth smtpAuth;

  @Enumerated(EnumType.STRING)
  @Column(name = "oauth_provider")
  private OAuthProvider oauthProvider;

  @Column(name = "oauth_tenant")
  private String oauthTenant;

  @Column(name = "oauth_client_id")
  private String oauthClientId;

  @Column(name = "oauth_client_secret_enc")
  private String oauthClientSecretSealed;

  @Column(name = "oauth_authorization_url")
  private String oauthAuthorizationUrl;

  @Column(name = "oauth_token_url")
  private String oauthTokenUrl;

  @Column(name = "oauth_scopes")
  private String oauthScopes;

  @Column(name = "oauth_refresh_token_enc")
  private String oauthRefreshTokenSealed;

  @Enumerated(EnumType.STRING)
  @Column(name = "oauth_status")
  private OAuthStatus oauthStatus;

  @Column(name = "oauth_pending_state")
  private String oauthPendingState;

  @Column(name = "oauth_pending_admin")
  private String oauthPendingAdmin;

  @Column(name = "oauth_pending_verifier_enc")
  private String oauthPendingVerifierSealed;

  @Column(name = "oauth_pending_until")
  private Instant oauthPendingUntil;

  /** IDLE while a server holds an IDLE connection to the mailbox (and its poll lock). */
  @Column(name = "mail_mode")
  private String mailMode;

  /** Whether the mailbox may be read through IMAP IDLE; null (older rows) means yes. */
  @Column(name = "imap_idle")
  private Boolean imapIdle;

  /** Below every agent's reply from this mailbox, placeholders filled (see MailSignature). */
  @Column(name = "email_signature")
  private String signature;

  protected EmailChannel() {}

  public EmailChannel(String name, String address, Instant now) {
    super(name, now);
    changeAddress(address);
    this.pollSeconds = 60;
    this.imapFolder = "INBOX";
  }

  @Override
  public ChannelType getType() {
    return ChannelType.EMAIL;
  }

  public void changeAddress(String newAddress) {
    this.address = ContactNormalizer.email(newAddress);
  }

  /** Blank removes it; at most 4000 characters, as the column holds. */
  public void changeSignature(String newSignature) {
    if (newSignature != null && newSignature.strip().length() > 4000) {
      throw new InvalidInputException(
          "signature_too_long", "A mailbox signature holds at most 4000 characters");
    }
    this.signature = newSignature == null || newSignature.isBlank() ? null : newSignature.strip();
  }

  public String getSignature() {
    return signature;
  }

  public void changePollSeconds(int seconds) {
    if (seconds < MIN_POLL_SECONDS || seconds > MAX_POLL_SECONDS) {
      throw new InvalidInputException(
          "pollSeconds must be between " + MIN_POLL_SECONDS + " and " + MAX_POLL_SECONDS);
    }
    this.pollSeconds = seconds;
  }

  /** New IMAP settings; a changed server or folder starts reading it afresh. */
  public void configureImap(MailServer imap, String sealedPassword) {
    String host = requireHost(imap, "imap");
    String folder =
        imap.folder() == null || imap.folder().isBlank() ? "INBOX" : imap.folder().strip();
    if (!host.equals(imapHost) || !folder.equals(imapFolder)) {
      this.uidValidity = null;
      this.lastUid = null;
    }
    this.imapHost = host;
    this.imapSecurity = security(imap, "imap");
    this.imapPort = port(imap, imapSecurity == MailSecurity.SSL ? 993 : 143);
    this.imapUsername = imap.username();
    this.imapFolder = folder;
    if (imap.auth() != null) {
      this.imapAuth = Enums.parse(MailAuth.class, "imap.auth", imap.auth());
    }
    if (imap.idle() != null) {
      this.imapIdle = imap.idle();
    }
    if (sealedPassword != null) {
      this.imapPasswordSealed = sealedPassword;
    }
  }

  public void configureSmtp(MailServer smtp, String sealedPassword) {
    this.smtpHost = requireHost(smtp, "smtp");
    this.smtpSecurity = security(smtp, "smtp");
    this.smtpPort =
        port(
            smtp,
            smtpSecurity == MailSecurity.SSL
                ? 465
                : smtpSecurity == MailSecurity.STARTTLS ? 587 : 25);
    this.smtpUsername = smtp.username();
    if (smtp.auth() != null) {
      this.smtpAuth = Enums.parse(MailAuth.class, "smtp.auth", smtp.auth());
    }
    if (sealedPassword != null) {
      this.smtpPasswordSealed = sealedPassword;
    }
  }

  /**
   * The OAuth2 client this mailbox signs in with. A change of provider, tenant, client or token
   * endpoint makes the stored grant meaningless: the admin connects again.
   */
  public void configureOAuth(OAuthSettings oauth, String sealedClientSecret) {
    OAuthProvider provider =
        oauth.provider() == null
            ? oauthProvider
            : Enums.parse(OAuthProvider.class, "oauth.provider", oauth.provider());
    if (provider == null) {
      throw new InvalidInputException("oauth.provider is required (microsoft, google or custom)");
    }
    String clientId = oauth.clientId() == null ? oauthClientId : oauth.clientId().strip();
    if (clientId == null || clientId.isBlank()) {
      throw new InvalidInputException("oauth.clientId is required");
    }
    String tenant = oauth.tenant() == null ? oauthTenant : blankToNull(oauth.tenant());
    String authorizationUrl =
        oauth.authorizationUrl() == null
            ? oauthAuthorizationUrl
            : httpUrl("oauth.authorizationUrl", oauth.authorizationUrl());
    String tokenUrl =
        oauth.tokenUrl() == null ? oauthTokenUrl : httpUrl("oauth.tokenUrl", oauth.tokenUrl());
    if (provider == OAuthProvider.CUSTOM && (authorizationUrl == null || tokenUrl == null)) {
      throw new InvalidInputException(
          "oauth.authorizationUrl and oauth.tokenUrl are required for provider custom");
    }
    boolean sameGrant =
        provider == oauthProvider
            && clientId.equals(oauthClientId)
            && java.util.Objects.equals(tenant, oauthTenant)
            && java.util.Objects.equals(tokenUrl, oauthTokenUrl);
    if (!sameGrant) {
      this.oauthRefreshTokenSealed = null;
      this.oauthStatus = null;
    }
    this.oauthProvider = provider;
    this.oauthClientId = clientId;
    this.oauthTenant = tenant;
    this.oauthAuthorizationUrl = authorizationUrl;
    this.oauthTokenUrl = tokenUrl;
    if (oauth.scopes() != null) {
      this.oauthScopes =
          oauth.scopes().stream()
              .filter(java.util.Objects::nonNull)
              .map(String::strip)
              .filter(x -> !x.isEmpty())
              .reduce((a, b) -> a + " " + b)
              .orElse(null);
    }
    if (sealedClientSecret != null) {
      this.oauthClientSecretSealed = sealedClientSecret;
    }
  }

  /** An admin asked for {@code oauth2} somewhere: the mailbox needs an OAuth2 client for it. */
  public void requireOAuthWhereAsked() {
    if ((imapAuth == MailAuth.OAUTH2 || smtpAuth == MailAuth.OAUTH2) && oauthProvider == null) {
      throw new InvalidInputException("auth oauth2 needs the channel's oauth settings");
    }
  }

  /**
   * Starts an authorization by {@code admin}: one at a time per mailbox (a new one replaces an
   * older one), completed only by the same admin before {@code until}.
   */
  public void beginAuthorization(
      String stateHash, String admin, String sealedVerifier, Instant until) {
    if (oauthProvider == null) {
      throw new InvalidInputException("The mailbox has no oauth settings");
    }
    this.oauthPendingState = stateHash;
    this.oauthPendingAdmin = admin;
    this.oauthPendingVerifierSealed = sealedVerifier;
    this.oauthPendingUntil = until;
  }

  /**
   * Takes the authorization in progress (once: it is gone afterwards) for {@code admin}.
   *
   * @return the sealed PKCE verifier
   */
  public String takeAuthorization(String admin, Instant now) {
    String verifier = oauthPendingVerifierSealed;
    boolean valid =
        oauthPendingState != null
            && admin.equals(oauthPendingAdmin)
            && oauthPendingUntil != null
            && now.isBefore(oauthPendingUntil);
    this.oauthPendingState = null;
    this.oauthPendingAdmin = null;
    this.oauthPendingVerifierSealed = null;
    this.oauthPendingUntil = null;
    if (!valid) {
      throw new InvalidInputException("The authorization expired or belongs to another admin");
    }
    return verifier;
  }

  /** The provider granted access: its refresh token (sealed) signs the mailbox in from now on. */
  public void connectOAuth(String sealedRefreshToken) {
    this.oauthRefreshTokenSealed = sealedRefreshToken;
    this.oauthStatus = OAuthStatus.CONNECTED;
  }

  /** The provider handed out a new refresh token in place of the old one. */
  public void rotateRefreshToken(String sealedRefreshToken) {
    if (oauthStatus == OAuthStatus.CONNECTED && sealedRefreshToken != null) {
      this.oauthRefreshTokenSealed = sealedRefreshToken;
    }
  }

  /** The grant was revoked or expired: nothing signs in until an admin connects again. */
  public void oauthReconnectNeeded() {
    if (oauthRefreshTokenSealed != null) {
      this.oauthStatus = OAuthStatus.RECONNECT_NEEDED;
    }
  }

  /** Whether the IMAP side can sign in at all (an OAuth2 mailbox needs a working grant). */
  public boolean canSignInToImap() {
    return getImapAuth() != MailAuth.OAUTH2 || oauthStatus == OAuthStatus.CONNECTED;
  }

  /** {@code connected}, {@code reconnect_needed}, or null for a mailbox without OAuth2. */
  public String oauthHealth() {
    if (getImapAuth() != MailAuth.OAUTH2 && getSmtpAuth() != MailAuth.OAUTH2) {
      return null;
    }
    return oauthStatus == null ? "reconnect_needed" : Enums.json(oauthStatus);
  }

  public String oauthAuthorizationEndpoint() {
    if (oauthProvider == null) {
      return null;
    }
    return oauthAuthorizationUrl != null
        ? oauthAuthorizationUrl
        : oauthProvider.authorizationUrl(oauthTenant);
  }

  public String oauthTokenEndpoint() {
    if (oauthProvider == null) {
      return null;
    }
    return oauthTokenUrl != null ? oauthTokenUrl : oauthProvider.tokenUrl(oauthTenant);
  }

  /** The scopes asked for: the admin's, else the provider's for IMAP and SMTP. */
  public java.util.List<String> oauthScopeList() {
    if (oauthScopes != null) {
      return java.util.List.of(oauthScopes.split(" "));
    }
    return oauthProvider == null ? java.util.List.of() : oauthProvider.defaultScopes();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String httpUrl(String what, String value) {
    String url = blankToNull(value);
    if (url == null) {
      return null;
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      if (uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme())
              || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw new InvalidInputException(what + " must be an http(s) URL");
      }
    } catch (java.net.URISyntaxException e) {
      throw new InvalidInputException(what + " must be an http(s) URL");
    }
    return url;
  }

  /** Where processed mail is moved; none keeps it in place, marked seen. */
  public void changeProcessedFolder(String folder) {
    this.processedFolder = folder == null || folder.isBlank() ? null : folder.strip();
  }

  private static String requireHost(MailServer server, String what) {
    if (server == null || server.host() == null || server.host().isBlank()) {
      throw new InvalidInputException(what + ".host is required");
    }
    return server.host().strip().toLowerCase(Locale.ROOT);
  }

  private static MailSecurity security(MailServer server, String what) {
    return server.security() == null
        ? MailSecurity.NONE
        : Enums.parse(MailSecurity.class, what + ".security", server.security());
  }

  private static int port(MailServer server, int defaultPort) {
    int port = server.port() == null ? defaultPort : server.port();
    if (port < 1 || port > 65535) {
      throw new InvalidInputException("port must be between 1 and 65535");
    }
    return port;
  }

  /**
   * Where reading continues. A folder whose UIDVALIDITY changed has renumbered its mail: read it
   * all again (Message-IDs keep that from duplicating anything).
   */
  public long resumeAfterUid(long currentUidValidity) {
    if (uidValidity == null || uidValidity != currentUidValidity) {
      return 0;
    }
    return lastUid == null ? 0 : lastUid;
  }

  /** Remembers how far the folder was read; only ever forward within one UIDVALIDITY. */
  public void readUpTo(long currentUidValidity, long uid) {
    if (uidValidity == null || uidValidity != currentUidValidity) {
      this.uidValidity = currentUidValidity;
      this.lastUid = uid;
    } else if (lastUid == null || uid > lastUid) {
      this.lastUid = uid;
    }
  }

  /**
   * Takes the mailbox for one poll, unless another server (or an earlier poll still running) holds
   * it. The lock runs out by itself if its holder died.
   */
  public boolean tryLockPoll(String owner, Instant now, java.time.Duration hold) {
    if (pollLockUntil != null && pollLockUntil.isAfter(now) && !owner.equals(pollLockOwner)) {
      return false;
    }
    this.pollLockOwner = owner;
    this.pollLockUntil = now.plus(hold);
    return true;
  }

  /**
   * Extends the poll lock of {@code owner} (an IDLE connection's): false when it is no longer the
   * holder (its lock ran out and another server took the mailbox).
   */
  public boolean renewPollLock(String owner, Instant now, java.time.Duration hold) {
    if (!owner.equals(pollLockOwner)) {
      return false;
    }
    this.pollLockUntil = now.plus(hold);
    return true;
  }

  /**
   * Whether the mailbox keeps an IDLE connection where its server offers one (the default); an
   * admin turns it off to leave the mailbox to its polls alone.
   */
  public boolean wantsIdle() {
    return imapIdle == null || imapIdle;
  }

  /** A server holds (or stopped holding) an IDLE connection, under the poll lock. */
  public void idling(boolean on) {
    this.mailMode = on ? "IDLE" : null;
  }

  /**
   * {@code idle} while an IDLE connection holds the mailbox's lock, else {@code poll}: a server
   * that died idling stops counting when its lock runs out.
   */
  public String mailMode(Instant now) {
    return "IDLE".equals(mailMode) && pollLockUntil != null && pollLockUntil.isAfter(now)
        ? "idle"
        : "poll";
  }

  /**
   * Whether {@code owner} holds the mailbox for an IDLE connection: the polls that connection runs
   * keep the IDLE connection's short hold, so a server killed in the middle of one frees the
   * mailbox as soon as one killed while idling (not after a poll's 5 minutes).
   */
  public boolean idlingAs(String owner) {
    return "IDLE".equals(mailMode) && owner.equals(pollLockOwner);
  }

  /** Until when the mailbox's poll lock holds (null: nobody took it, or it was released). */
  public Instant pollLockUntil() {
    return pollLockUntil;
  }

  public void unlockPoll(String owner) {
    if (owner.equals(pollLockOwner)) {
      this.pollLockOwner = null;
      this.pollLockUntil = null;
    }
  }

  @Override
  protected void forgetSecrets() {
    this.imapPasswordSealed = null;
    this.smtpPasswordSealed = null;
    this.oauthClientSecretSealed = null;
    this.oauthRefreshTokenSealed = null;
    this.oauthPendingVerifierSealed = null;
  }

  public boolean isComplete() {
    return imapHost != null && smtpHost != null;
  }

  public String getAddress() {
    return address;
  }

  public int getPollSeconds() {
    return pollSeconds == null ? 60 : pollSeconds;
  }

  public String getImapHost() {
    return imapHost;
  }

  public Integer getImapPort() {
    return imapPort;
  }

  public MailSecurity getImapSecurity() {
    return imapSecurity;
  }

  public String getImapUsername() {
    return imapUsername;
  }

  public String getImapPasswordSealed() {
    return imapPasswordSealed;
  }

  public String getImapFolder() {
    return imapFolder;
  }

  public String getProcessedFolder() {
    return processedFolder;
  }

  public Long getUidValidity() {
    return uidValidity;
  }

  public Long getLastUid() {
    return lastUid;
  }

  public String getSmtpHost() {
    return smtpHost;
  }

  public Integer getSmtpPort() {
    return smtpPort;
  }

  public MailSecurity getSmtpSecurity() {
    return smtpSecurity;
  }

  public String getSmtpUsername() {
    return smtpUsername;
  }

  public String getSmtpPasswordSealed() {
    return smtpPasswordSealed;
  }

  public MailAuth getImapAuth() {
    return imapAuth == null ? MailAuth.PASSWORD : imapAuth;
  }

  public MailAuth getSmtpAuth() {
    return smtpAuth == null ? MailAuth.PASSWORD : smtpAuth;
  }

  public OAuthProvider getOauthProvider() {
    return oauthProvider;
  }

  public String getOauthTenant() {
    return oauthTenant;
  }

  public String getOauthClientId() {
    return oauthClientId;
  }

  public String getOauthClientSecretSealed() {
    return oauthClientSecretSealed;
  }

  public String getOauthAuthorizationUrl() {
    return oauthAuthorizationUrl;
  }

  public String getOauthTokenUrl() {
    return oauthTokenUrl;
  }

  public String getOauthRefreshTokenSealed() {
    return oauthRefreshTokenSealed;
  }

  public OAuthStatus getOauthStatus() {
    return oauthStatus;
  }
}
