package org.ventanilla.channel.email;

/** Whether a mailbox's OAuth2 grant still works. */
public enum OAuthStatus {
  CONNECTED,
  /** Revoked or expired at the provider: an admin must connect the mailbox again. */
  RECONNECT_NEEDED
}
