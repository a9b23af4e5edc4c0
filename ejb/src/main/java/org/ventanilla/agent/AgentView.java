package org.ventanilla.agent;

import java.io.Serializable;
import java.time.OffsetDateTime;
import org.ventanilla.common.Enums;
import org.ventanilla.common.Times;

/** What the API and the pages show of an agent; never a credential. */
public record AgentView(
    String username,
    String displayName,
    String email,
    String role,
    String availability,
    boolean active,
    String locale,
    String timeZone,
    OffsetDateTime createdAt)
    implements Serializable {

  public static AgentView of(Agent agent) {
    return new AgentView(
        agent.getUsername(),
        agent.getDisplayName(),
        agent.getEmail(),
        Enums.json(agent.getRole()),
        Enums.json(agent.getAvailability()),
        agent.isActive(),
        agent.getLocale(),
        agent.getTimeZone(),
        Times.utc(agent.getCreatedAt()));
  }
}
