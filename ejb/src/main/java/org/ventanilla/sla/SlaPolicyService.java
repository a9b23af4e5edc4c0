package org.ventanilla.sla;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.ConflictException;
import org.ventanilla.common.Enums;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.ticket.Priority;

/**
 * Admins manage the policies. A change applies to tickets whose clocks are set afterwards (new
 * tickets, reopenings, priority changes); due times already set stay, as promised to the customer.
 */
@Stateless
@RolesAllowed(Role.ADMIN_ROLE)
public class SlaPolicyService {

  @Inject SlaPolicyRepository policies;
  @Inject Clock clock;

  public List<SlaPolicyView> list() {
    return policies.findAll().stream().map(SlaPolicyView::of).toList();
  }

  public Optional<SlaPolicyView> get(long id) {
    return policies.find(id).map(SlaPolicyView::of);
  }

  public SlaPolicyView create(SlaPolicyRequest request) {
    Priority priority = Enums.parse(Priority.class, "priority", request.priority());
    ChannelType channel = channel(request.channel());
    requireFree(priority, channel, null);
    if (request.firstResponseMinutes() == null || request.resolutionMinutes() == null) {
      throw new InvalidInputException(
          "invalid_sla", "firstResponseMinutes and resolutionMinutes are required");
    }
    SlaPolicy policy =
        new SlaPolicy(
            request.name(),
            priority,
            channel,
            request.firstResponseMinutes(),
            request.resolutionMinutes(),
            request.warnAtPercent() == null ? 80 : request.warnAtPercent(),
            request.businessHours() == null
                ? BusinessHours.ALWAYS
                : request.businessHours().toBusinessHours(),
            clock.instant());
    return SlaPolicyView.of(policies.add(policy));
  }

  public SlaPolicyView update(long id, SlaPolicyRequest request) {
    SlaPolicy policy = policies.find(id).orElseThrow(() -> new NotFoundException("SLA policy", id));
    if (request.name() != null) {
      policy.rename(request.name());
    }
    if (request.priority() != null || request.channel() != null) {
      Priority priority =
          request.priority() == null
              ? policy.getPriority()
              : Enums.parse(Priority.class, "priority", request.priority());
      ChannelType channel =
          request.channel() == null ? policy.getChannel() : channel(request.channel());
      requireFree(priority, channel, id);
      policy.changeScope(priority, channel);
    }
    policy.changeTargets(
        request.firstResponseMinutes() == null
            ? policy.getFirstResponseMinutes()
            : request.firstResponseMinutes(),
        request.resolutionMinutes() == null
            ? policy.getResolutionMinutes()
            : request.resolutionMinutes(),
        request.warnAtPercent() == null ? policy.getWarnAtPercent() : request.warnAtPercent());
    if (request.businessHours() != null) {
      policy.changeBusinessHours(request.businessHours().toBusinessHours());
    }
    return SlaPolicyView.of(policy);
  }

  public void delete(long id) {
    policies.remove(policies.find(id).orElseThrow(() -> new NotFoundException("SLA policy", id)));
  }

  private void requireFree(Priority priority, ChannelType channel, Long self) {
    policies
        .findByScope(priority, channel)
        .filter(existing -> !existing.getId().equals(self))
        .ifPresent(
            existing -> {
              throw new ConflictException(
                  "duplicate_policy",
                  "Policy '" + existing.getName() + "' already covers this priority and channel");
            });
  }

  private static ChannelType channel(String value) {
    return value == null || value.isBlank()
        ? null
        : Enums.parse(ChannelType.class, "channel", value);
  }
}
