package org.ventanilla.template;

import java.io.Serializable;
import java.util.Map;

/**
 * A canned response as the composer, the templates page and the API show it; {@code interactive}
 * the buttons or list it carries on WhatsApp (Meta's object, as plain maps and lists so that the
 * view stays serializable; null: none).
 */
public record CannedResponseView(
    long id,
    String name,
    String shortcut,
    String body,
    boolean shared,
    String owner,
    Map<String, Object> interactive)
    implements Serializable {

  static CannedResponseView of(CannedResponse c) {
    return new CannedResponseView(
        c.getId(),
        c.getName(),
        c.getShortcut(),
        c.getBody(),
        c.isShared(),
        c.isShared() ? null : c.getOwner().getUsername(),
        c.getInteractive() == null ? null : PlainJson.map(c.getInteractive()));
  }
}
