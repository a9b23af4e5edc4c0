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
}
