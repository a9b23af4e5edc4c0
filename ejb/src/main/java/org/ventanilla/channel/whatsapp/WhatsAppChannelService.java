package org.ventanilla.channel.whatsapp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.ventanilla.agent.Role;
import org.ventanilla.channel.ChannelChanged;
import org.ventanilla.channel.ChannelRepository;
import org.ventanilla.channel.SecretBox;
import org.ventanilla.common.ConflictException;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;

/** Admins add and change WhatsApp numbers and their templates; secrets are sealed first. */
@Stateless
@RolesAllowed(Role.ADMIN_ROLE)
public class WhatsAppChannelService {

  @Inject ChannelRepository channels;
  @Inject WhatsAppRepository whatsapp;
  @Inject SecretBox secrets;
  @Inject Clock clock;
  @Inject Event<ChannelChanged> changed;
  @Inject TemplateSync sync;

  /** What a template sync did: templates read, how many of them APPROVED, synced ones gone. */
  public record SyncResult(int read, int approved, int gone) {}

  /** Reads the account's templates now (the Graph API call runs outside any transaction). */
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
  public SyncResult syncTemplates(long channelId) {
    require(channelId);
    return sync.sync(channelId);
  }

  public WhatsAppChannelView create(WhatsAppChannelRequest request) {
    if (request.accessToken() == null || request.appSecret() == null) {
      throw new InvalidInputException("accessToken and appSecret are required");
    }
    if (request.verifyToken() == null || request.verifyToken().isBlank()) {
      throw new InvalidInputException("verifyToken is required");
    }
    WhatsAppChannel channel =
        new WhatsAppChannel(request.name(), request.phoneNumberId(), clock.instant());
    requireUnusedNumber(channel.getPhoneNumberId(), null);
    apply(channel, request);
    channels.add(channel);
    changed.fire(new ChannelChanged(channel.getId()));
    return WhatsAppChannelView.of(channel);
  }

  public WhatsAppChannelView update(long id, WhatsAppChannelRequest request) {
    WhatsAppChannel channel = require(id);
    if (request.name() != null) {
      channel.rename(request.name());
    }
    if (request.phoneNumberId() != null) {
      channel.changePhoneNumberId(request.phoneNumberId());
      requireUnusedNumber(channel.getPhoneNumberId(), id);
    }
    apply(channel, request);
    if (request.active() != null) {
      channel.activate(request.active(), clock.instant());
    }
    changed.fire(new ChannelChanged(id));
    return WhatsAppChannelView.of(channel);
  }

  public List<WhatsAppTemplateView> templates(long channelId) {
    return whatsapp.templates(require(channelId)).stream().map(WhatsAppTemplateView::of).toList();
  }

  public WhatsAppTemplateView addTemplate(long channelId, WhatsAppTemplateRequest request) {
    WhatsAppChannel channel = require(channelId);
    if (request == null || request.parameterCount() == null) {
      throw new InvalidInputException("parameterCount is required");
    }
    WhatsAppTemplate template =
        new WhatsAppTemplate(
            channel,
            request.name(),
            request.language(),
            request.parameterCount(),
            request.text(),
            clock.instant());
    if (whatsapp.template(channel, template.getName(), template.getLanguage()).isPresent()) {
      throw new ConflictException(
          "duplicate_template",
          "Template " + template.getName() + " (" + template.getLanguage() + ") exists already");
    }
    whatsapp.add(template);
    whatsapp.flush();
    return WhatsAppTemplateView.of(template);
  }

  public void deleteTemplate(long channelId, long templateId) {
    WhatsAppChannel channel = require(channelId);
    WhatsAppTemplate template =
        whatsapp
            .template(templateId)
            .filter(t -> t.getChannel().getId().equals(channel.getId()))
            .orElseThrow(() -> new NotFoundException("Template", templateId));
    whatsapp.remove(template);
  }

  private void apply(WhatsAppChannel channel, WhatsAppChannelRequest request) {
    if (request.displayPhoneNumber() != null) {
      channel.changeDisplayPhoneNumber(request.displayPhoneNumber());
    }
    channel.changeApi(request.apiBaseUrl(), request.apiVersion());
    if (request.reopenDays() != null) {
      channel.changeReopenDays(request.reopenDays());
    }
    if (request.wabaId() != null) {
      channel.changeWabaId(request.wabaId());
    }
    channel.changePresence(request.markRead(), request.typingIndicator());
    channel.changeSecrets(
        seal(request.accessToken()), seal(request.appSecret()), seal(request.verifyToken()));
  }

  private void requireUnusedNumber(String phoneNumberId, Long self) {
    boolean taken =
        whatsapp.activeChannels().stream()
            .anyMatch(c -> c.getPhoneNumberId().equals(phoneNumberId) && !c.getId().equals(self));
    if (taken) {
      throw new ConflictException(
          "duplicate_channel", "Another channel already serves phone number id " + phoneNumberId);
    }
  }

  private String seal(String secret) {
    if (secret == null) {
      return null;
    }
    if (secret.isBlank()) {
      throw new InvalidInputException("secrets cannot be blank");
    }
    return secrets.encrypt(secret);
  }

  WhatsAppChannel require(long id) {
    return channels
        .find(id, WhatsAppChannel.class)
        .filter(c -> !c.isDeleted())
        .orElseThrow(() -> new NotFoundException("WhatsApp channel", id));
  }
}
