package org.ventanilla.savedview;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.ventanilla.agent.Agent;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.ticket.TicketFilter;

/**
 * A named filter of the inbox. Filters are kept as the API writes them ({@code status=open}, {@code
 * assignee=me}) so that "me" means whoever opens the view.
 */
@Entity
@Table(name = "saved_view")
public class SavedView {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_view_seq")
  @SequenceGenerator(name = "saved_view_seq", sequenceName = "saved_view_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false)
  private String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "owner_id", updatable = false)
  private Agent owner;

  @Column(nullable = false)
  private boolean shared;

  private String status;
  private String channel;
  private String assignee;
  private String priority;
  private String tag;

  /** {@code breaching} (see TicketFilter.BREACHING) or null. */
  private String sla;

  @Column(name = "text_query")
  private String text;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected SavedView() {}

  public SavedView(Agent owner, SavedViewRequest request, Instant now) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.createdAt = now;
    this.name = cleanName(request.name());
    change(request);
  }

  /** Applies the fields present in the request; a filter given as "" is cleared. */
  public void change(SavedViewRequest request) {
    if (request.name() != null) {
      name = cleanName(request.name());
    }
    if (request.shared() != null) {
      shared = request.shared();
    }
    status = request.status() == null ? status : filter("status", request.status(), 64);
    channel = request.channel() == null ? channel : filter("channel", request.channel(), 16);
    assignee = request.assignee() == null ? assignee : filter("assignee", request.assignee(), 200);
    priority = request.priority() == null ? priority : filter("priority", request.priority(), 16);
    tag = request.tag() == null ? tag : filter("tag", request.tag(), 60);
    text = request.text() == null ? text : filter("text", request.text(), 200);
    sla = request.sla() == null ? sla : filter("sla", request.sla(), 16);
    // Parsing now refuses unknown statuses or channels when the view is saved, not when it is used.
    filterFor(owner.getUsername());
  }

  /** The tickets this view shows to the given agent ("me" is that agent). */
  public TicketFilter filterFor(String username) {
    return TicketFilter.parse(status, channel, assignee, priority, tag, text, sla, username);
  }

  public boolean visibleTo(Agent agent) {
    return shared || isOwnedBy(agent);
  }

  public boolean isOwnedBy(Agent agent) {
    return owner.getId().equals(agent.getId());
  }

  private static String cleanName(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException("A view needs a name");
    }
    String clean = raw.strip();
    if (clean.length() > 100) {
      throw new InvalidInputException("A view name has at most 100 characters");
    }
    return clean;
  }

  /** A filter value: "" clears it; longer than its column is refused, not cut. */
  private static String filter(String field, String value, int max) {
    String clean = value.isBlank() ? null : value.strip();
    if (clean != null && clean.length() > max) {
      throw new InvalidInputException(field + " has at most " + max + " characters");
    }
    return clean;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public Agent getOwner() {
    return owner;
  }

  public boolean isShared() {
    return shared;
  }

  public String getStatus() {
    return status;
  }

  public String getChannel() {
    return channel;
  }

  public String getAssignee() {
    return assignee;
  }

  public String getPriority() {
    return priority;
  }

  public String getTag() {
    return tag;
  }

  public String getText() {
    return text;
  }

  public String getSla() {
    return sla;
  }
}
