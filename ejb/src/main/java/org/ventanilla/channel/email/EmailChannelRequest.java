package org.ventanilla.channel.email;

/**
 * An admin's settings for a mailbox; in an update, null fields keep their value. {@code signature}
 * goes under the agent's in every reply (placeholders filled, see MailSignature); blank removes it.
 */
public record EmailChannelRequest(
    String name,
    String address,
    Integer pollSeconds,
    MailServer imap,
    MailServer smtp,
    String processedFolder,
    Boolean active,
    OAuthSettings oauth,
    String signature) {}
