package org.ventanilla.web.admin;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ventanilla.web.faces.Feedback;

/** What both channel admin forms do on save: create and open the new channel, or update it. */
final class ChannelForms {

  private ChannelForms() {}

  /**
   * Creates (when {@code id} is null) or updates the channel.
   *
   * @return the outcome that opens a channel just created, null to stay on the page
   */
  static <V> String save(
      Long id,
      Supplier<V> create,
      Function<V, Long> idOf,
      String page,
      Supplier<V> update,
      Consumer<V> show) {
    if (id == null) {
      Optional<V> created = Feedback.call(create);
      return created
          .map(v -> page + "?faces-redirect=true&created=true&id=" + idOf.apply(v))
          .orElse(null);
    }
    Feedback.call(update)
        .ifPresent(
            view -> {
              show.accept(view);
              Feedback.info("admin.saved");
            });
    return null;
  }
}
