package org.ventanilla.sla;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;

/** The caller's own notifications, newest first. */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class NotificationService {

  private static final int LIMIT = 100;

  @PersistenceContext EntityManager em;
  @Inject CallerAgent caller;

  public List<NotificationView> mine() {
    return em.createQuery(
            "SELECT n FROM Notification n LEFT JOIN FETCH n.ticket WHERE n.agent = :a"
                + " ORDER BY n.createdAt DESC, n.id DESC",
            Notification.class)
        .setParameter("a", caller.require())
        .setMaxResults(LIMIT)
        .getResultStream()
        .map(NotificationView::of)
        .toList();
  }
}
