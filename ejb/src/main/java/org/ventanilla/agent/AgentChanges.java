package org.ventanilla.agent;

/** A partial update of an agent; null fields stay as they are. */
public record AgentChanges(
    String displayName,
    String email,
    String role,
    String availability,
    Boolean active,
    String password,
    String locale,
    String timeZone) {}
