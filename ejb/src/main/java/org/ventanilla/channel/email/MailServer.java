package org.ventanilla.channel.email;

/**
 * One mail server as an admin writes it (JSON {@code imap} or {@code smtp}). The password is only
 * ever written, never read back; null in an update keeps the stored one. {@code auth} is {@code
 * password} (the default) or {@code oauth2} (XOAUTH2 with the channel's OAuth2 grant). {@code idle}
 * (IMAP only, true by default) lets the mailbox keep an IDLE connection where the server offers
 * one; false leaves it to polling alone. Null in an update keeps what is stored.
 */
public record MailServer(
    String host,
    Integer port,
    String security,
    String username,
    String password,
    String folder,
    String auth,
    Boolean idle) {}
