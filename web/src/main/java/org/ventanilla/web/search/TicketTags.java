package org.ventanilla.web.search;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ventanilla.tag.TagService;
import org.ventanilla.tag.TagView;
import org.ventanilla.ticket.TicketChanges;
import org.ventanilla.ticket.TicketService;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.inbox.TicketInView;

/**
 * The tag chips of ticket.xhtml: adding or removing a chip saves the ticket's tags at once (a new
 * name becomes a new tag), then the workspace reloads so the activity log shows the change.
 */
@Named
@ViewScoped
public class TicketTags implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SUGGESTIONS = 10;

  @Inject transient TicketService tickets;
  @Inject transient TagService tags;
  @Inject TicketInView workspace;

  private List<String> names;

  public List<String> getNames() {
    if (names == null && workspace.getTicket() != null) {
      names = new ArrayList<>(workspace.getTicket().tags());
    }
    return names;
  }

  public void setNames(List<String> names) {
    this.names = names;
  }

  /** Known tags starting with what was typed; the typed text itself when it is new. */
  public List<String> complete(String typed) {
    String prefix = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    List<String> suggestions = new ArrayList<>();
    for (TagView tag : tags.list()) {
      if (tag.name().toLowerCase(Locale.ROOT).startsWith(prefix)
          && suggestions.size() < SUGGESTIONS) {
        suggestions.add(tag.name());
      }
    }
    if (!prefix.isEmpty()
        && suggestions.stream().noneMatch(s -> s.equalsIgnoreCase(typed.strip()))) {
      suggestions.add(0, typed.strip());
    }
    return suggestions;
  }

  public void save() {
    var changes = new TicketChanges(null, null, false, null, List.copyOf(names), null, null);
    Feedback.run(() -> tickets.update(workspace.getId(), changes, null));
    workspace.load();
    names = null;
  }
}
