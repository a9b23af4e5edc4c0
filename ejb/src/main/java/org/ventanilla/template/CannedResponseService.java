package org.ventanilla.template;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ventanilla.agent.Agent;
import org.ventanilla.agent.CallerAgent;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ForbiddenException;
import org.ventanilla.common.NotFoundException;
import org.ventanilla.ticket.TicketRepository;

/**
 * Canned responses: every agent uses the shared ones and their own; admins manage the shared ones,
 * each agent their own. Variables are filled here, on the server, from the ticket itself.
 */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class CannedResponseService {

  @PersistenceContext private EntityManager em;
  @Inject CallerAgent caller;
  @Inject TicketRepository tickets;
  @Inject Clock clock;

  /** The shared responses and the caller's own, by name. */
  public List<CannedResponseView> available() {
    return em.createQuery(
            "SELECT c FROM CannedResponse c WHERE c.owner IS NULL OR c.owner = :me"
                + " ORDER BY c.name, c.id",
            CannedResponse.class)
        .setParameter("me", caller.require())
        .getResultStream()
        .map(CannedResponseView::of)
        .toList();
  }

  public CannedResponseView create(CannedResponseRequest request) {
    Agent me = caller.require();
    requireMayManage(request.shared(), me);
    CannedResponse response =
        new CannedResponse(
            request.name(),
            request.shortcut(),
            request.body(),
            request.shared() ? null : me,
            clock.instant());
    response.changeInteractive(request.interactive());
    em.persist(response);
    em.flush();
    return CannedResponseView.of(response);
  }

  public CannedResponseView update(long id, CannedResponseRequest request) {
    CannedResponse response = requireManageable(id);
    response.change(request.name(), request.shortcut(), request.body(), clock.instant());
    response.changeInteractive(request.interactive());
    return CannedResponseView.of(response);
  }

  /** The buttons or list a usable response carries (null: none). */
  public jakarta.json.JsonObject interactive(long id) {
    return requireUsable(id).getInteractive();
  }

  public void delete(long id) {
    em.remove(requireManageable(id));
  }

  /**
   * The response's text for a ticket: {{customer.name}}, {{agent.name}} (the caller) and
   * {{ticket.number}} filled in.
   */
  public String render(long id, long ticketId) {
    return fill(requireUsable(id), ticketId);
  }

  /** The caller's own response with this shortcut, else the shared one, filled for the ticket. */
  public Optional<String> renderShortcut(String shortcut, long ticketId) {
    Agent me = caller.require();
    return em.createQuery(
            "SELECT c FROM CannedResponse c WHERE c.shortcut = :s"
                + " AND (c.owner IS NULL OR c.owner = :me)",
            CannedResponse.class)
        .setParameter("s", shortcut)
        .setParameter("me", me)
        .getResultStream()
        // The agent's own first: it overrides a shared one with the same shortcut.
        .sorted((a, b) -> Boolean.compare(a.isShared(), b.isShared()))
        .findFirst()
        .map(c -> fill(c, ticketId));
  }

  private String fill(CannedResponse response, long ticketId) {
    var ticket =
        tickets.find(ticketId).orElseThrow(() -> new NotFoundException("Ticket", ticketId));
    return response.fill(
        Map.of(
            "customer.name", ticket.getCustomer().getName(),
            "agent.name", caller.require().getDisplayName(),
            "ticket.number", String.valueOf(ticket.getNumber())));
  }

  private CannedResponse requireUsable(long id) {
    CannedResponse response = find(id);
    if (!response.isShared() && !response.isOwnedBy(caller.require())) {
      throw new NotFoundException("CannedResponse", id);
    }
    return response;
  }

  private CannedResponse requireManageable(long id) {
    CannedResponse response = requireUsable(id);
    requireMayManage(response.isShared(), caller.require());
    return response;
  }

  private static void requireMayManage(boolean shared, Agent me) {
    if (shared && me.getRole() != Role.ADMIN) {
      throw new ForbiddenException(
          "forbidden", "Only admins manage the team's shared canned responses");
    }
  }

  private CannedResponse find(long id) {
    return Optional.ofNullable(em.find(CannedResponse.class, id))
        .orElseThrow(() -> new NotFoundException("CannedResponse", id));
  }
}
