package org.ventanilla.web.inbox;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.ventanilla.agent.AgentService;
import org.ventanilla.agent.AgentView;
import org.ventanilla.agent.Role;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.DomainException;
import org.ventanilla.savedview.SavedViewRequest;
import org.ventanilla.savedview.SavedViewService;
import org.ventanilla.savedview.SavedViewSummary;
import org.ventanilla.tag.TagService;
import org.ventanilla.tag.TagView;
import org.ventanilla.ticket.Priority;
import org.ventanilla.ticket.TicketFilter;
import org.ventanilla.ticket.TicketService;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.faces.Menus;

/**
 * The inbox: a view plus filters, over a lazy table. A view is built in (mine, unassigned,
 * breaching, open, resolved, all) or one of the saved views (the caller's and the team's shared
 * ones); opening a saved view sets the filters to its own. The current filters can be saved as a
 * new view. The built-in views are counted in one aggregate query, refreshed with the list.
 */
@Named
@ViewScoped
public class InboxView implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final List<String> VIEWS =
      List.of("mine", "unassigned", "breaching", "open", "resolved", "all");

  @Inject TicketService tickets;
  @Inject AgentService agents;
  @Inject TagService tagService;
  @Inject SavedViewService savedViews;

  private String view = "open";
  private Long saved;
  private SavedViewSummary savedView;
  private String channel;
  private String priority;
  private String assignee;
  private String tag;
  private TicketLazyModel model;
  private List<AgentView> team = List.of();
  private List<TagView> tags;
  private List<SavedViewSummary> savedList;
  private String stamp;
  private Map<String, Long> counts = Map.of();

  private boolean saving;
  private String newViewName;
  private boolean newViewShared;

  /**
   * A view's own filters in the API's words: {@code status}, {@code assignee} (a built-in view's
   * "me" or "none" overrides the assignee filter), {@code sla} and {@code text}.
   */
  private record Base(String status, String assignee, String sla, String text) {}

  /**
   * f:viewAction: remembers what the list looked like when it was rendered, reads the saved views
   * with their counts and, when one is opened, takes its filters.
   */
  public void load() {
    stamp = tickets.inboxStamp();
    savedList = savedViews.list();
    counts = countViews();
    tags = tagService.list();
    team = agents.list();
    if (saved != null) {
      savedView = savedList.stream().filter(v -> v.id() == saved).findFirst().orElse(null);
      if (savedView == null) {
        saved = null;
        Feedback.warn("inbox.savedView.gone");
      } else {
        view = null;
        channel = savedView.channel();
        priority = savedView.priority();
        assignee = savedView.assignee();
        tag = savedView.tag();
      }
    }
  }

  /**
   * The page's poll every two seconds: one indexed query; only when something changed does the page
   * (callback parameter {@code changed}) reload the table and the counts.
   */
  public void checkForChanges() {
    String now = tickets.inboxStamp();
    if (!now.equals(stamp)) {
      stamp = now;
      PrimeFaces.current().ajax().addCallbackParam("changed", true);
    }
  }

  /** Before the counts and the table are drawn again: the saved views' counts anew. */
  public void refresh() {
    savedList = savedViews.list();
    counts = countViews();
  }

  public TicketLazyModel getModel() {
    if (model == null) {
      model = new TicketLazyModel(tickets, this::filter);
    }
    return model;
  }

  /** The agents, read when the page opened. */
  public List<AgentView> getTeam() {
    return team;
  }

  public List<TagView> getTags() {
    return tags;
  }

  public List<SavedViewSummary> getSavedViews() {
    return savedList;
  }

  TicketFilter filter() {
    Base base = base();
    return TicketFilter.parse(
        base.status(),
        channel,
        base.assignee() != null ? base.assignee() : assignee,
        priority,
        tag,
        base.text(),
        base.sla(),
        me());
  }

  private Base base() {
    if (savedView != null) {
      return new Base(savedView.status(), null, savedView.sla(), savedView.text());
    }
    return builtIn(view);
  }

  private static Base builtIn(String view) {
    return switch (view) {
      case "mine" -> new Base("open", "me", null, null);
      case "unassigned" -> new Base("open", "none", null, null);
      case "breaching" -> new Base("open", null, TicketFilter.BREACHING, null);
      case "resolved" -> new Base("resolved", null, null, null);
      case "all" -> new Base(null, null, null, null);
      default -> new Base("open", null, null, null);
    };
  }

  /**
   * Each built-in view's own count, whatever the filters: what opening it would show. One aggregate
   * query for all of them, when the page loads and when the poll saw a change, never while the page
   * is drawn.
   */
  private Map<String, Long> countViews() {
    return tickets.viewCounts();
  }

  /** The built-in views' counts, by view name, as last loaded. */
  public Map<String, Long> getCounts() {
    return counts;
  }

  /** Only its owner or an admin deletes a view (the service checks it again). */
  public boolean canDelete(SavedViewSummary aView) {
    return aView.owner().equals(me())
        || FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Role.ADMIN_ROLE);
  }

  public String deleteView(long id) {
    try {
      savedViews.delete(id);
    } catch (DomainException e) {
      Feedback.errorKey("inbox.savedView.notDeleted");
      return null;
    }
    Feedback.info("inbox.savedView.deleted");
    if (saved != null && saved == id) {
      Feedback.keepOverRedirect();
      return "/index?faces-redirect=true";
    }
    refresh();
    return null;
  }

  public void startSaving() {
    saving = true;
    newViewName = null;
    newViewShared = false;
  }

  public void cancelSaving() {
    saving = false;
  }

  /** Saves the view and filters on screen as a new view, and opens it. */
  public String saveView() {
    Base base = base();
    String owner = base.assignee() != null ? base.assignee() : assignee == null ? "" : assignee;
    SavedViewRequest request =
        new SavedViewRequest(
            newViewName,
            newViewShared,
            base.status() == null ? "" : base.status(),
            channel == null ? "" : channel,
            owner,
            priority == null ? "" : priority,
            tag == null ? "" : tag,
            base.text() == null ? "" : base.text(),
            base.sla() == null ? "" : base.sla());
    SavedViewSummary created;
    try {
      created = savedViews.create(request);
    } catch (DomainException e) {
      Feedback.errorKey("inbox.savedView.invalid");
      return null;
    }
    saving = false;
    Feedback.info("inbox.savedView.saved");
    Feedback.keepOverRedirect();
    return "/index?faces-redirect=true&saved=" + created.id();
  }

  // The caller from the request, not an injected SecurityContext: WildFly's one does not
  // serialize, and this bean travels with the session on a cluster.
  private String me() {
    return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
  }

  public List<String> getViews() {
    return VIEWS;
  }

  public List<String> getChannels() {
    return Menus.of(ChannelType.class);
  }

  public List<String> getPriorities() {
    return Menus.of(Priority.class);
  }

  public String getView() {
    return view;
  }

  public void setView(String view) {
    this.view = VIEWS.contains(view) ? view : "open";
  }

  public Long getSaved() {
    return saved;
  }

  public void setSaved(Long saved) {
    this.saved = saved;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public String getAssignee() {
    return assignee;
  }

  public void setAssignee(String assignee) {
    this.assignee = assignee;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public boolean isSaving() {
    return saving;
  }

  public String getNewViewName() {
    return newViewName;
  }

  public void setNewViewName(String newViewName) {
    this.newViewName = newViewName;
  }

  public boolean isNewViewShared() {
    return newViewShared;
  }

  public void setNewViewShared(boolean newViewShared) {
    this.newViewShared = newViewShared;
  }
}
