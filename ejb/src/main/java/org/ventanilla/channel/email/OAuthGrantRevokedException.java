package org.ventanilla.channel.email;

import jakarta.mail.AuthenticationFailedException;

/**
 * A mailbox's OAuth2 grant no longer works (revoked, expired, never completed): signing in waits
 * until an admin connects the mailbox again.
 */
public class OAuthGrantRevokedException extends AuthenticationFailedException {

  private static final long serialVersionUID = 1L;

  OAuthGrantRevokedException(String message) {
    super(message);
  }
}
