package org.ventanilla.channel.email;

/** An admin's settings for a mailbox; in an update, null fields keep their value. */
public record EmailChannelRequest(
    String name,
    String address,
    Integer pollSeconds,
    MailServer imap,
    MailServer smtp,
    String processedFolder,
    Boolean active,
    OAuthSettings oauth) {}
