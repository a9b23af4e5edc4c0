package org.ventanilla.channel.email;

import java.util.List;

/**
 * A reply (or, {@code automatic}, a notice sent by the app itself, marked {@code Auto-Submitted})
 * ready to leave over SMTP, built in a transaction and sent outside it. {@code toString} leaves the
 * password out, so a log line can never carry it. {@code oauthChannelId} names the mailbox whose
 * OAuth2 access token signs in (XOAUTH2) instead of the password; null for a password. {@code
 * html}, when present, goes beside {@code text} as multipart/alternative.
 */
public record OutgoingMail(
    String smtpHost,
    int smtpPort,
    MailSecurity security,
    String username,
    String password,
    String fromAddress,
    String fromName,
    String to,
    String subject,
    String messageId,
    String inReplyTo,
    List<String> references,
    String text,
    String html,
    boolean automatic,
    List<String> cc,
    List<String> bcc,
    List<File> files,
    Long oauthChannelId) {

  /** A file the mail carries, read from the data dir when the mail is composed (each attempt). */
  public record File(String filename, String contentType, java.nio.file.Path path) {}

  /** A text-only mail with no copies and no files ({@code oauthChannelId} null for a password). */
  public OutgoingMail(
      String smtpHost,
      int smtpPort,
      MailSecurity security,
      String username,
      String password,
      String fromAddress,
      String fromName,
      String to,
      String subject,
      String messageId,
      String inReplyTo,
      List<String> references,
      String text,
      boolean automatic,
      Long oauthChannelId) {
    this(
        smtpHost,
        smtpPort,
        security,
        username,
        password,
        fromAddress,
        fromName,
        to,
        subject,
        messageId,
        inReplyTo,
        references,
        text,
        null,
        automatic,
        List.of(),
        List.of(),
        List.of(),
        oauthChannelId);
  }

  @Override
  public String toString() {
    return "OutgoingMail[" + messageId + " to " + to + " via " + smtpHost + ":" + smtpPort + "]";
  }
}
