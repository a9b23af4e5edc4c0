package org.ventanilla.channel.email;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Locale;
import org.ventanilla.channel.Channel;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.ContactNormalizer;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;

/**
 * A mailbox: read over IMAP, incrementally by UID (with the folder's UIDVALIDITY), answered over
 * SMTP. Passwords are stored encrypted (the caller seals them with the SecretBox).
 */
@Entity
@DiscriminatorValue("EMAIL")
public class EmailChannel extends Channel {

  static final int MIN_POLL_SECONDS = 5;
  static final int MAX_POLL_SECONDS = 3600;

  @Column(name = "email_address")
  private String address;

  @Column(name = "poll_seconds")
  private Integer pollSeconds;

  @Column(name = "imap_host")
  private String imapHost;

  @Column(name = "imap_port")
  private Integer imapPort;

  @Enumerated(EnumType.STRING)
  @Column(name = "imap_security")
  private MailSecurity imapSecurity;

  @Column(name = "imap_username")
  private String imapUsername;

  @Column(name = "imap_password_enc")
  private String imapPasswordSealed;

  @Column(name = "imap_folder")
  private String imapFolder;

  @Column(name = "imap_processed_folder")
  private String processedFolder;

  @Column(name = "imap_uid_validity")
  private Long uidValidity;

  @Column(name = "imap_last_uid")
  private Long lastUid;

  @Column(name = "smtp_host")
  private String smtpHost;

  @Column(name = "smtp_port")
  private Integer smtpPort;

  @Enumerated(EnumType.STRING)
  @Column(name = "smtp_security")
  private MailSecurity smtpSecurity;

  @Column(name = "smtp_username")
  private String smtpUsername;

  @Column(name = "smtp_password_enc")
  private String smtpPasswordSealed;

  @Column(name = "poll_lock_owner")
  private String pollLockOwner;

  @Column(name = "poll_lock_until")
  private Instant pollLockUntil;

  protected EmailChannel() {}

  public EmailChannel(String name, String address, Instant now) {
    super(name, now);
    changeAddress(address);
    this.pollSeconds = 60;
    this.imapFolder = "INBOX";
  }

  @Override
  public ChannelType getType() {
    return ChannelType.EMAIL;
  }

  public void changeAddress(String newAddress) {
    this.address = ContactNormalizer.email(newAddress);
  }

  public void changePollSeconds(int seconds) {
    if (seconds < MIN_POLL_SECONDS || seconds > MAX_POLL_SECONDS) {
      throw new InvalidInputException(
          "pollSeconds must be between " + MIN_POLL_SECONDS + " and " + MAX_POLL_SECONDS);
    }
    this.pollSeconds = seconds;
  }

  /** New IMAP settings; a changed server or folder starts reading it afresh. */
  public void configureImap(MailServer imap, String sealedPassword) {
    String host = requireHost(imap, "imap");
    String folder =
        imap.folder() == null || imap.folder().isBlank() ? "INBOX" : imap.folder().strip();
    if (!host.equals(imapHost) || !folder.equals(imapFolder)) {
      this.uidValidity = null;
      this.lastUid = null;
    }
    this.imapHost = host;
    this.imapSecurity = security(imap, "imap");
    this.imapPort = port(imap, imapSecurity == MailSecurity.SSL ? 993 : 143);
    this.imapUsername = imap.username();
    this.imapFolder = folder;
    if (sealedPassword != null) {
      this.imapPasswordSealed = sealedPassword;
    }
  }

  public void configureSmtp(MailServer smtp, String sealedPassword) {
    this.smtpHost = requireHost(smtp, "smtp");
    this.smtpSecurity = security(smtp, "smtp");
    this.smtpPort =
        port(
            smtp,
            smtpSecurity == MailSecurity.SSL
                ? 465
                : smtpSecurity == MailSecurity.STARTTLS ? 587 : 25);
    this.smtpUsername = smtp.username();
    if (sealedPassword != null) {
      this.smtpPasswordSealed = sealedPassword;
    }
  }

  /** Where processed mail is moved; none keeps it in place, marked seen. */
  public void changeProcessedFolder(String folder) {
    this.processedFolder = folder == null || folder.isBlank() ? null : folder.strip();
  }

  private static String requireHost(MailServer server, String what) {
    if (server == null || server.host() == null || server.host().isBlank()) {
      throw new InvalidInputException(what + ".host is required");
    }
    return server.host().strip().toLowerCase(Locale.ROOT);
  }

  private static MailSecurity security(MailServer server, String what) {
    return server.security() == null
        ? MailSecurity.NONE
        : Enums.parse(MailSecurity.class, what + ".security", server.security());
  }

  private static int port(MailServer server, int defaultPort) {
    int port = server.port() == null ? defaultPort : server.port();
    if (port < 1 || port > 65535) {
      throw new InvalidInputException("port must be between 1 and 65535");
    }
    return port;
  }

  /**
   * Where reading continues. A folder whose UIDVALIDITY changed has renumbered its mail: read it
   * all again (Message-IDs keep that from duplicating anything).
   */
  public long resumeAfterUid(long currentUidValidity) {
    if (uidValidity == null || uidValidity != currentUidValidity) {
      return 0;
    }
    return lastUid == null ? 0 : lastUid;
  }

  /** Remembers how far the folder was read; only ever forward within one UIDVALIDITY. */
  public void readUpTo(long currentUidValidity, long uid) {
    if (uidValidity == null || uidValidity != currentUidValidity) {
      this.uidValidity = currentUidValidity;
      this.lastUid = uid;
    } else if (lastUid == null || uid > lastUid) {
      this.lastUid = uid;
    }
  }

  /**
   * Takes the mailbox for one poll, unless another server (or an earlier poll still running) holds
   * it. The lock runs out by itself if its holder died.
   */
  public boolean tryLockPoll(String owner, Instant now, java.time.Duration hold) {
    if (pollLockUntil != null && pollLockUntil.isAfter(now) && !owner.equals(pollLockOwner)) {
      return false;
    }
    this.pollLockOwner = owner;
    this.pollLockUntil = now.plus(hold);
    return true;
  }

  public void unlockPoll(String owner) {
    if (owner.equals(pollLockOwner)) {
      this.pollLockOwner = null;
      this.pollLockUntil = null;
    }
  }

  @Override
  protected void forgetSecrets() {
    this.imapPasswordSealed = null;
    this.smtpPasswordSealed = null;
  }

  public boolean isComplete() {
    return imapHost != null && smtpHost != null;
  }

  public String getAddress() {
    return address;
  }

  public int getPollSeconds() {
    return pollSeconds == null ? 60 : pollSeconds;
  }

  public String getImapHost() {
    return imapHost;
  }

  public Integer getImapPort() {
    return imapPort;
  }

  public MailSecurity getImapSecurity() {
    return imapSecurity;
  }

  public String getImapUsername() {
    return imapUsername;
  }

  public String getImapPasswordSealed() {
    return imapPasswordSealed;
  }

  public String getImapFolder() {
    return imapFolder;
  }

  public String getProcessedFolder() {
    return processedFolder;
  }

  public Long getUidValidity() {
    return uidValidity;
  }

  public Long getLastUid() {
    return lastUid;
  }

  public String getSmtpHost() {
    return smtpHost;
  }

  public Integer getSmtpPort() {
    return smtpPort;
  }

  public MailSecurity getSmtpSecurity() {
    return smtpSecurity;
  }

  public String getSmtpUsername() {
    return smtpUsername;
  }

  public String getSmtpPasswordSealed() {
    return smtpPasswordSealed;
  }
}
