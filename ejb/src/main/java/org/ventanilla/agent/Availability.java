package org.ventanilla.agent;

/** Whether an agent is at the desk; shown to the team and used to route notifications. */
public enum Availability {
  ONLINE,
  AWAY,
  OFFLINE
}
