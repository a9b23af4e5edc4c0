package org.ventanilla.web.admin;

import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Optional;
import org.ventanilla.channel.ChannelService;
import org.ventanilla.web.faces.Feedback;

/**
 * The skeleton both channel admin forms share: an empty form without id (a new channel), the stored
 * settings with one (found or not), save that creates and opens the new channel or updates and says
 * so. A form keeps only its own fields; its secrets are write-only fields that {@link #show}
 * empties, so a stored secret is never sent back to the page.
 *
 * @param <V> the channel's admin view
 */
public abstract class ChannelForm<V> implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ChannelService channels;

  private Long id;
  private boolean created;
  private boolean found = true;
  private String savedName;

  /** The view type of this form's channel kind: another kind's id is "not found" here. */
  protected abstract Class<V> viewType();

  /** The page that edits a channel of this kind, e.g. {@code /admin/channel-email}. */
  protected abstract String page();

  /** The stored settings into the fields; secret fields empty. */
  protected abstract void show(V view);

  /** The name shown in the page's title once saved. */
  protected abstract String nameOf(V view);

  protected abstract long idOf(V view);

  /** Creates the channel from the fields. */
  protected abstract V create();

  /** Updates channel {@code id} from the fields. */
  protected abstract V update(long id);

  /** After a stored channel was shown: what the form lists besides its settings. */
  protected void loaded(long id) {}

  /** f:viewAction: an empty form without id, the stored settings with one. */
  public void load() {
    if (id == null) {
      return;
    }
    Optional<V> view = channels.get(id).filter(viewType()::isInstance).map(viewType()::cast);
    found = view.isPresent();
    if (found) {
      showSaved(view.get());
      loaded(id);
    }
  }

  /**
   * Creates (without id) or updates the channel.
   *
   * @return the outcome that opens a channel just created, null to stay on the page
   */
  public String save() {
    try {
      if (id == null) {
        return Feedback.call(this::create)
            .map(v -> page() + "?faces-redirect=true&created=true&id=" + idOf(v))
            .orElse(null);
      }
      long current = id;
      Feedback.call(() -> update(current))
          .ifPresent(
              view -> {
                showSaved(view);
                Feedback.info("admin.saved");
              });
      return null;
    } finally {
      saved();
    }
  }

  /** After every save, whatever its outcome: e.g. forget the secrets typed. */
  protected void saved() {}

  private void showSaved(V view) {
    savedName = nameOf(view);
    show(view);
  }

  protected static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public boolean isEditing() {
    return id != null && found;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isCreated() {
    return created;
  }

  public void setCreated(boolean created) {
    this.created = created;
  }

  public boolean isFound() {
    return found;
  }

  public String getSavedName() {
    return savedName;
  }
}
