package org.ventanilla.channel.email;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import org.ventanilla.agent.Role;
import org.ventanilla.channel.ChannelChanged;
import org.ventanilla.channel.ChannelRepository;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;

/** Admins add and change mailboxes; passwords are sealed before they are stored. */
@Stateless
@RolesAllowed(Role.ADMIN_ROLE)
public class EmailChannelService {

  @Inject ChannelRepository channels;
  @Inject SecretBox secrets;
  @Inject Clock clock;
  @Inject Event<ChannelChanged> changed;
  @Inject EmailIngest ingest;
  @Inject MailboxPoller poller;
  @Inject IdleWatchers idle;
  @Inject org.ventanilla.ticket.AttachmentStore files;
  @Inject OAuthTokens tokens;

  public EmailChannelView create(EmailChannelRequest request) {
    if (request.imap() == null || request.smtp() == null) {
      throw new InvalidInputException("imap and smtp settings are required");
    }
    EmailChannel channel = new EmailChannel(request.name(), request.address(), clock.instant());
    apply(channel, request);
    channels.add(channel);
    changed.fire(new ChannelChanged(channel.getId()));
    return EmailChannelView.of(channel);
  }

  public EmailChannelView update(long id, EmailChannelRequest request) {
    EmailChannel channel = require(id);
    if (request.name() != null) {
      channel.rename(request.name());
    }
    if (request.address() != null) {
      channel.changeAddress(request.address());
    }
    apply(channel, request);
    if (request.active() != null) {
      channel.activate(request.active(), clock.instant());
    }
    changed.fire(new ChannelChanged(id));
    return EmailChannelView.of(channel);
  }

  /** Signs in to both servers with the stored settings, and says what went wrong where. */
  public ConnectionTest testConnection(long id) {
    EmailChannel channel = require(id);
    String imapError = null;
    String smtpError = null;
    try (jakarta.mail.Store store =
        MailSessions.imap(channel.getImapSecurity(), channel.getImapAuth())
            .getStore(MailSessions.imapProtocol(channel.getImapSecurity()))) {
      if (channel.getImapAuth() == MailAuth.OAUTH2) {
        tokens.connect(
            store, id, channel.getImapHost(), channel.getImapPort(), channel.getImapUsername());
      } else {
        store.connect(
            channel.getImapHost(),
            channel.getImapPort(),
            channel.getImapUsername(),
            secrets.decrypt(channel.getImapPasswordSealed()));
      }
      jakarta.mail.Folder folder = store.getFolder(channel.getImapFolder());
      if (!folder.exists()) {
        imapError = "The folder " + channel.getImapFolder() + " does not exist";
      }
    } catch (jakarta.mail.MessagingException | RuntimeException e) {
      imapError = MailboxPoller.describe(e);
    }
    boolean oauth = channel.getSmtpAuth() == MailAuth.OAUTH2;
    boolean authenticate =
        oauth || (channel.getSmtpUsername() != null && !channel.getSmtpUsername().isBlank());
    try (jakarta.mail.Transport transport =
        MailSessions.smtp(channel.getSmtpSecurity(), authenticate, channel.getSmtpAuth())
            .getTransport(MailSessions.smtpProtocol(channel.getSmtpSecurity()))) {
      if (oauth) {
        tokens.connect(
            transport,
            id,
            channel.getSmtpHost(),
            channel.getSmtpPort(),
            channel.getSmtpUsername() == null ? channel.getAddress() : channel.getSmtpUsername());
      } else {
        transport.connect(
            channel.getSmtpHost(),
            channel.getSmtpPort(),
            authenticate ? channel.getSmtpUsername() : null,
            secrets.decrypt(channel.getSmtpPasswordSealed()));
      }
    } catch (jakarta.mail.MessagingException | RuntimeException e) {
      smtpError = MailboxPoller.describe(e);
    }
    return new ConnectionTest(imapError == null, imapError, smtpError == null, smtpError);
  }

  /** Polls the mailbox now, whatever its schedule or backoff says, and shows its health after. */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
  public EmailChannelView pollNow(long id) {
    require(id);
    if (!idle.pollNow(id)) {
      poller.poll(id, true);
    }
    return EmailChannelView.of(require(id));
  }

  /** Runs a quarantined mail through ingestion again (after a fix); resolved when it lands. */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
  public QuarantineView reprocess(long channelId, long quarantineId) {
    QuarantinedMail mail = quarantined(channelId, quarantineId);
    byte[] raw;
    try {
      raw = java.nio.file.Files.readAllBytes(files.resolve(mail.getRawPath()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("The raw mail is missing from the data directory", e);
    }
    EmailIngest.Outcome outcome = ingest.ingestQuarantined(channelId, quarantineId, raw);
    return QuarantineView.of(quarantined(channelId, quarantineId));
  }

  /** The raw source of a quarantined mail, for an admin to inspect. */
  public byte[] quarantinedSource(long channelId, long quarantineId) {
    QuarantinedMail mail = quarantined(channelId, quarantineId);
    try {
      return java.nio.file.Files.readAllBytes(files.resolve(mail.getRawPath()));
    } catch (java.io.IOException e) {
      throw new NotFoundException("Raw mail of quarantine entry", quarantineId);
    }
  }

  private QuarantinedMail quarantined(long channelId, long quarantineId) {
    return ingest
        .findQuarantined(quarantineId)
        .filter(q -> q.getChannel().getId() == channelId)
        .orElseThrow(() -> new NotFoundException("Quarantined mail", quarantineId));
  }

  /** Quarantined mail of a mailbox, newest first. */
  public java.util.List<QuarantineView> quarantine(long id) {
    require(id);
    return ingest.quarantined(id, 200).stream().map(QuarantineView::of).toList();
  }

  private void apply(EmailChannel channel, EmailChannelRequest request) {
    if (request.pollSeconds() != null) {
      channel.changePollSeconds(request.pollSeconds());
    }
    if (request.imap() != null) {
      channel.configureImap(request.imap(), seal(request.imap().password()));
    }
    if (request.smtp() != null) {
      channel.configureSmtp(request.smtp(), seal(request.smtp().password()));
    }
    if (request.processedFolder() != null) {
      channel.changeProcessedFolder(request.processedFolder());
    }
    if (request.signature() != null) {
      channel.changeSignature(request.signature());
    }
    if (request.oauth() != null) {
      channel.configureOAuth(request.oauth(), seal(request.oauth().clientSecret()));
    }
    channel.requireOAuthWhereAsked();
  }

  private String seal(String password) {
    return password == null ? null : secrets.encrypt(password);
  }

  EmailChannel require(long id) {
    return channels
        .find(id, EmailChannel.class)
        .filter(c -> !c.isDeleted())
        .orElseThrow(() -> new NotFoundException("Email channel", id));
  }

  /** Bounces matching none of our replies and auto-replies answering nothing, newest first. */
  public org.ventanilla.common.Page<MailNoticeView> notices(
      long id, org.ventanilla.common.Page.PageRequest page) {
    require(id);
    return ingest.notices(id, page.page(), page.size());
  }
}
