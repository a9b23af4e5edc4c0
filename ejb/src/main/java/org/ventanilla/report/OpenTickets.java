package org.ventanilla.report;

import java.io.Serializable;

/**
 * The open tickets now (whatever their creation date) held by one agent, or by nobody when {@code
 * username} is null, by status.
 */
public record OpenTickets(
    String username, String displayName, long newTickets, long inProgress, long total)
    implements Serializable {

  public boolean unassigned() {
    return username == null;
  }
}
