package org.ventanilla.platform;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink settings that persistence.xml has no property for (named there as the session
 * customizer).
 *
 * <p>No retries after a lost connection. By default EclipseLink retries a read that failed on a
 * broken connection three times, five seconds apart. Here every read runs in a JTA transaction that
 * the connection pool has already marked rollback-only, so the retries cannot succeed: with
 * PostgreSQL stopped, each webhook delivery took about 10 s to get its 500 (measured by the fault
 * drill that stops the database), holding a worker thread all that time. Failing at once gives Meta
 * its 5xx (it delivers again later) and leaves the threads free.
 */
public class SessionSettings implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
    }
  }
}
