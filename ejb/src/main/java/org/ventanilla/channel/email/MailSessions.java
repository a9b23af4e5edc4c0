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
    String p = imapProtocol(security);
    Properties props = base();
    props.setProperty("mail.store.protocol", p);
    props.setProperty("mail." + p + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
    props.setProperty("mail." + p + ".timeout", String.valueOf(READ_TIMEOUT_MS));
    props.setProperty("mail." + p + ".writetimeout", String.valueOf(READ_TIMEOUT_MS));
    // BODY.PEEK: reading a mail must not mark it seen; we mark it ourselves after it is stored.
    props.setProperty("mail." + p + ".peek", "true");
    props.setProperty("mail." + p + ".fetchsize", String.valueOf(256 * 1024));
    tls(props, p, security);
    return Session.getInstance(props);
  }

  static Session smtp(MailSecurity security, boolean authenticate) {
    String p = smtpProtocol(security);
    Properties props = base();
    props.setProperty("mail.transport.protocol", p);
    props.setProperty("mail." + p + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
    props.setProperty("mail." + p + ".timeout", String.valueOf(READ_TIMEOUT_MS));
    props.setProperty("mail." + p + ".writetimeout", String.valueOf(READ_TIMEOUT_MS));
    props.setProperty("mail." + p + ".auth", String.valueOf(authenticate));
    tls(props, p, security);
    return Session.getInstance(props);
  }

  private static Properties base() {
    Properties props = new Properties();
    props.setProperty("mail.mime.allowutf8", "false");
    return props;
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
