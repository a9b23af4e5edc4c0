package org.ventanilla.channel.email;

import jakarta.mail.Session;
import java.util.Properties;

/**
 * Jakarta Mail sessions for one mailbox, with timeouts everywhere: a mail server that hangs must
 * fail a poll, not freeze a timer.
 */
final class MailSessions {

  static final int CONNECT_TIMEOUT_MS = 10_000;
  static final int READ_TIMEOUT_MS = 60_000;

  private MailSessions() {}

  static String imapProtocol(MailSecurity security) {
    return security == MailSecurity.SSL ? "imaps" : "imap";
  }

  static String smtpProtocol(MailSecurity security) {
    return security == MailSecurity.SSL ? "smtps" : "smtp";
  }

  static Session imap(MailSecurity security) {
    return imap(security, MailAuth.PASSWORD);
  }

  /** With {@code oauth2}, the password given to connect is an access token (SASL XOAUTH2). */
  static Session imap(MailSecurity security, MailAuth auth) {
    String p = imapProtocol(security);
    Properties props = base();
    props.setProperty("mail.store.protocol", p);
    props.setProperty("mail." + p + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
    props.setProperty("mail." + p + ".timeout", String.valueOf(READ_TIMEOUT_MS));
    props.setProperty("mail." + p + ".writetimeout", String.valueOf(READ_TIMEOUT_MS));
    // BODY.PEEK: reading a mail must not mark it seen; we mark it ourselves after it is stored.
    props.setProperty("mail." + p + ".peek", "true");
    props.setProperty("mail." + p + ".fetchsize", String.valueOf(256 * 1024));
    xoauth2(props, p, auth);
    tls(props, p, security);
    return Session.getInstance(props);
  }

  static Session smtp(MailSecurity security, boolean authenticate) {
    return smtp(security, authenticate, MailAuth.PASSWORD);
  }

  static Session smtp(MailSecurity security, boolean authenticate, MailAuth auth) {
    String p = smtpProtocol(security);
    Properties props = base();
    props.setProperty("mail.transport.protocol", p);
    props.setProperty("mail." + p + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
    props.setProperty("mail." + p + ".timeout", String.valueOf(READ_TIMEOUT_MS));
    props.setProperty("mail." + p + ".writetimeout", String.valueOf(READ_TIMEOUT_MS));
    props.setProperty("mail." + p + ".auth", String.valueOf(authenticate));
    xoauth2(props, p, auth);
    tls(props, p, security);
    return Session.getInstance(props);
  }

  private static Properties base() {
    Properties props = new Properties();
    props.setProperty("mail.mime.allowutf8", "false");
    return props;
  }

  /** Only XOAUTH2: no fallback to a password mechanism with the token. */
  private static void xoauth2(Properties props, String p, MailAuth auth) {
    if (auth == MailAuth.OAUTH2) {
      props.setProperty("mail." + p + ".auth.mechanisms", "XOAUTH2");
      props.setProperty("mail." + p + ".auth.login.disable", "true");
      props.setProperty("mail." + p + ".auth.plain.disable", "true");
    }
  }

  private static void tls(Properties props, String p, MailSecurity security) {
    if (security == MailSecurity.STARTTLS) {
      props.setProperty("mail." + p + ".starttls.enable", "true");
      props.setProperty("mail." + p + ".starttls.required", "true");
    }
    if (security != MailSecurity.NONE) {
      props.setProperty("mail." + p + ".ssl.checkserveridentity", "true");
    }
  }
}
