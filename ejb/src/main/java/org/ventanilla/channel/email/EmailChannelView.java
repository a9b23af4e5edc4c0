package org.ventanilla.channel.email;

import org.ventanilla.channel.ChannelHealth;
import org.ventanilla.channel.ChannelView;
import org.ventanilla.common.Enums;

/** A mailbox as the API shows it: settings without passwords (only whether one is set), health. */
public record EmailChannelView(
    long id,
    String type,
    String name,
    boolean active,
    String address,
    int pollSeconds,
    Server imap,
    Server smtp,
    String processedFolder,
    ChannelHealth health)
    implements ChannelView {

  /** A server's settings; {@code passwordSet} says whether a password is stored. */
  public record Server(
      String host,
      Integer port,
      String security,
      String username,
      String folder,
      boolean passwordSet) {}

  static EmailChannelView of(EmailChannel c) {
    return new EmailChannelView(
        c.getId(),
        "email",
        c.getName(),
        c.isActive(),
        c.getAddress(),
        c.getPollSeconds(),
        new Server(
            c.getImapHost(),
            c.getImapPort(),
            Enums.json(c.getImapSecurity()),
            c.getImapUsername(),
            c.getImapFolder(),
            c.getImapPasswordSealed() != null),
        new Server(
            c.getSmtpHost(),
            c.getSmtpPort(),
            Enums.json(c.getSmtpSecurity()),
            c.getSmtpUsername(),
            null,
            c.getSmtpPasswordSealed() != null),
        c.getProcessedFolder(),
        ChannelHealth.of(c));
  }
}
