package org.ventanilla.savedview;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ForbiddenException;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.common.Page;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.ticket.TicketService;
import org.ventanilla.ticket.TicketSummary;

/**
 * The caller's own views and the team's shared ones. Only the owner (or an admin) changes or
 * deletes a view; a view nobody else can see is "not found" for them.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class SavedViewService {

  @PersistenceContext EntityManager em;
  @Inject CallerAgent caller;
  @Inject Clock clock;
  @Inject TicketService tickets;

  /** Every view the caller sees, each with its count (one COUNT query per view). */
  public List<SavedViewSummary> list() {
    Agent me = caller.require();
    return em.createQuery(
            "SELECT v FROM SavedView v JOIN FETCH v.owner WHERE v.shared = TRUE OR v.owner = :me"
                + " ORDER BY v.name, v.id",
            SavedView.class)
        .setParameter("me", me)
        .getResultStream()
        .map(v -> SavedViewSummary.of(v, tickets.count(v.filterFor(me.getUsername()))))
        .toList();
  }

  public SavedViewSummary get(long id) {
    Agent me = caller.require();
    SavedView view = visible(id, me);
    return SavedViewSummary.of(view, tickets.count(view.filterFor(me.getUsername())));
  }

  public SavedViewSummary create(SavedViewRequest request) {
    Agent me = caller.require();
    SavedView view = new SavedView(me, request, clock.instant());
    em.persist(view);
    em.flush();
    return SavedViewSummary.of(view, tickets.count(view.filterFor(me.getUsername())));
  }

  public SavedViewSummary update(long id, SavedViewRequest request) {
    Agent me = caller.require();
    SavedView view = editable(id, me);
    view.change(request);
    em.flush();
    return SavedViewSummary.of(view, tickets.count(view.filterFor(me.getUsername())));
  }

  public void delete(long id) {
    em.remove(editable(id, caller.require()));
  }

  public Page<TicketSummary> tickets(long id, PageRequest page) {
    Agent me = caller.require();
    return tickets.list(visible(id, me).filterFor(me.getUsername()), page);
  }

  private SavedView visible(long id, Agent me) {
    SavedView view = em.find(SavedView.class, id);
    if (view == null || !view.visibleTo(me)) {
      throw new NotFoundException("View", id);
    }
    return view;
  }

  private SavedView editable(long id, Agent me) {
    SavedView view = visible(id, me);
    if (!view.isOwnedBy(me) && me.getRole() != Role.ADMIN) {
      throw new ForbiddenException("not_owner", "Only its owner or an admin changes a shared view");
    }
    return view;
  }
}
