package org.ventanilla.web.inbox;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The ticket page's live part: the poll that keeps the agent "here" for the others and tells the
 * page when the conversation or the ticket changed, the composer's typing signal, and who else is
 * on the ticket.
 */
@Named
@ViewScoped
public class TicketTimeline implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TicketInView view;
  @Inject transient PresenceRegistry presence;

  /**
   * The page's poll every two seconds: says the agent is still here and tells the page (callback
   * parameter {@code changed}) whether the conversation or the ticket changed since it was loaded,
   * so the page reloads only the parts that show them and never the composer.
   */
  public void heartbeat() {
    if (!view.isPresent()) {
      return;
    }
    presence.viewing(view.getId(), view.me().username(), view.me().displayName());
    if (view.changedSinceLoaded()) {
      PrimeFaces.current().ajax().addCallbackParam("changed", true);
    }
  }

  /** The composer's signal while the agent writes. */
  public void typing() {
    if (view.isPresent()) {
      presence.typing(view.getId(), view.me().username(), view.me().displayName());
    }
  }

  /** The other agents on this ticket right now (kept in memory by the registry, no query). */
  public List<PresenceRegistry.Presence> getOthers() {
    return view.isPresent() ? presence.others(view.getId(), view.me().username()) : List.of();
  }
}
