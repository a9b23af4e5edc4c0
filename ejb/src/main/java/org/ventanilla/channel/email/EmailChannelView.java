package org.ventanilla.channel.email;

import org.ventanilla.channel.ChannelHealth;
import org.ventanilla.channel.ChannelView;
import org.ventanilla.common.Enums;

/** A mailbox as the API shows it: settings without passwords (only whether one is set), health. */
public record EmailChannelView(
    long id,
    String type,
    String name,
    boolean active,
    String address,
    int pollSeconds,
    Server imap,
    Server smtp,
    String processedFolder,
    OAuth oauth,
    String signature,
    ChannelHealth health)
    implements ChannelView {

  /**
   * A server's settings; {@code passwordSet} says whether a password is stored, {@code idle} (IMAP
   * only, null for SMTP) whether the mailbox may be read through IMAP IDLE.
   */
  public record Server(
      String host,
      Integer port,
      String security,
      String username,
      String folder,
      boolean passwordSet,
      String auth,
      Boolean idle) {}

  /** The OAuth2 client; the secret only as {@code clientSecretSet}, the grant never. */
  public record OAuth(
      String provider,
      String tenant,
      String clientId,
      boolean clientSecretSet,
      String authorizationUrl,
      String tokenUrl,
      java.util.List<String> scopes) {}

  static EmailChannelView of(EmailChannel c) {
    return new EmailChannelView(
        c.getId(),
        "email",
        c.getName(),
        c.isActive(),
        c.getAddress(),
        c.getPollSeconds(),
        new Server(
            c.getImapHost(),
            c.getImapPort(),
            Enums.json(c.getImapSecurity()),
            c.getImapUsername(),
            c.getImapFolder(),
            c.getImapPasswordSealed() != null,
            Enums.json(c.getImapAuth()),
            c.wantsIdle()),
        new Server(
            c.getSmtpHost(),
            c.getSmtpPort(),
            Enums.json(c.getSmtpSecurity()),
            c.getSmtpUsername(),
            null,
            c.getSmtpPasswordSealed() != null,
            Enums.json(c.getSmtpAuth()),
            null),
        c.getProcessedFolder(),
        c.getOauthProvider() == null
            ? null
            : new OAuth(
                Enums.json(c.getOauthProvider()),
                c.getOauthTenant(),
                c.getOauthClientId(),
                c.getOauthClientSecretSealed() != null,
                c.oauthAuthorizationEndpoint(),
                c.oauthTokenEndpoint(),
                c.oauthScopeList()),
        c.getSignature(),
        ChannelHealth.of(c, c.mailMode(java.time.Instant.now()), c.oauthHealth()));
  }
}
