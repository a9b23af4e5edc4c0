package org.ventanilla.channel.email;

/**
 * How Ventanilla signs in to a mail server: a password, or an OAuth2 access token (SASL XOAUTH2),
 * which Microsoft 365 requires and Google prefers.
 */
public enum MailAuth {
  PASSWORD,
  OAUTH2
}
