package org.ventanilla.channel.email;

/** How a mail server connection is protected. */
public enum MailSecurity {
  NONE,
  STARTTLS,
  SSL
}
