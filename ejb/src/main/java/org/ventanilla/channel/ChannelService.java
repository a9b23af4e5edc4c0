package org.ventanilla.channel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.NotFoundException;

/** What admins do with channels of any type; type-specific settings have their own services. */
@Stateless
@RolesAllowed(Role.ADMIN_ROLE)
public class ChannelService {

  @Inject ChannelRepository channels;
  @Inject ChannelViews views;
  @Inject Clock clock;
  @Inject Event<ChannelChanged> changed;

  public List<ChannelView> list() {
    return channels.findAll().stream().map(views::of).toList();
  }

  public Optional<ChannelView> get(long id) {
    return channels.find(id).filter(c -> !c.isDeleted()).map(views::of);
  }

  public ChannelType typeOf(long id) {
    return channels
        .find(id)
        .filter(c -> !c.isDeleted())
        .orElseThrow(() -> new NotFoundException("Channel", id))
        .getType();
  }

  public void delete(long id) {
    Channel channel =
        channels
            .find(id)
            .filter(c -> !c.isDeleted())
            .orElseThrow(() -> new NotFoundException("Channel", id));
    channel.delete(clock.instant());
    changed.fire(new ChannelChanged(id));
  }
}
