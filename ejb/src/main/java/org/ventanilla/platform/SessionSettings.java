package org.ventanilla.platform;

import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.platform.database.H2Platform;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

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
 *
 * <p>On H2, {@link H2Booleans} in place of the detected platform. The database is only known once
 * EclipseLink has connected (persistence.xml names none, so one EAR runs on H2 and PostgreSQL), so
 * the swap happens on the first connection, before any query runs.
 */
public class SessionSettings implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(0);
    }
    session
        .getEventManager()
        .addListener(
            new SessionEventAdapter() {
              @Override
              public void postConnect(SessionEvent event) {
                useH2Booleans(event.getSession());
              }

              @Override
              public void postLogin(SessionEvent event) {
                useH2Booleans(event.getSession());
              }
            });
  }

  static void useH2Booleans(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login
        && login.getPlatform() instanceof H2Platform
        && !(login.getPlatform() instanceof H2Booleans)) {
      login.usePlatform(new H2Booleans()); // copies sequences and settings from the detected one
      if (session instanceof AbstractSession own) {
        own.setDatasourceLogin(login); // drops the session's cached platform
      }
    }
  }
}
