package org.ventanilla.web.admin;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import org.ventanilla.channel.ChannelHealth;
import org.ventanilla.channel.ChannelView;
import org.ventanilla.channel.email.EmailChannelView;

/**
 * One line of the channel list, for a channel of any type. {@link ChannelView} only promises id,
 * type and name; each type's record also carries {@code active} and {@code health} by convention,
 * read here by name so that a new channel type shows up in the list before it has its own page.
 *
 * @param editOutcome the page that edits this type of channel, or null while it has none
 */
public record ChannelRow(
    long id,
    String type,
    String name,
    String address,
    boolean active,
    ChannelHealth health,
    String editOutcome)
    implements Serializable {

  static ChannelRow of(ChannelView view) {
    if (view instanceof EmailChannelView email) {
      return new ChannelRow(
          email.id(),
          email.type(),
          email.name(),
          email.address(),
          email.active(),
          email.health(),
          "/admin/channel-email");
    }
    if (view instanceof org.ventanilla.channel.whatsapp.WhatsAppChannelView wa) {
      return new ChannelRow(
          wa.id(),
          wa.type(),
          wa.name(),
          wa.displayPhoneNumber(),
          wa.active(),
          wa.health(),
          "/admin/channel-whatsapp");
    }
    // A type without its own page yet is still listed, read by convention.
    Boolean active = component(view, "active", Boolean.class);
    return new ChannelRow(
        view.id(),
        view.type(),
        view.name(),
        null,
        active == null || active,
        component(view, "health", ChannelHealth.class),
        null);
  }

  public boolean isEmail() {
    return "email".equals(type);
  }

  private static <T> T component(ChannelView view, String name, Class<T> type) {
    if (!(view instanceof Record)) {
      return null;
    }
    for (RecordComponent component : view.getClass().getRecordComponents()) {
      if (component.getName().equals(name) && type.isAssignableFrom(box(component.getType()))) {
        try {
          return type.cast(component.getAccessor().invoke(view));
        } catch (IllegalAccessException | InvocationTargetException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static Class<?> box(Class<?> type) {
    return type == boolean.class ? Boolean.class : type;
  }
}
