package org.ventanilla.agent;

/** Container roles; the realm reports them lower-case ("admin", "agent"). */
public enum Role {
  ADMIN,
  AGENT;

  public static final String ADMIN_ROLE = "admin";
  public static final String AGENT_ROLE = "agent";
}
