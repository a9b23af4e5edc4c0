package org.ventanilla.channel.email;

/**
 * One mail server as an admin writes it (JSON {@code imap} or {@code smtp}). The password is only
 * ever written, never read back; null in an update keeps the stored one. {@code auth} is {@code
 * password} (the default) or {@code oauth2} (XOAUTH2 with the channel's OAuth2 grant).
 */
public record MailServer(
    String host,
    Integer port,
    String security,
    String username,
    String password,
    String folder,
    String auth) {}
