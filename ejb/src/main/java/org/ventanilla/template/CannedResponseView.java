package org.ventanilla.template;

import jakarta.json.JsonObject;

/**
 * A canned response as the composer, the templates page and the API show it; {@code interactive}
 * the buttons or list it carries on WhatsApp (null: none).
 */
public record CannedResponseView(
    long id,
    String name,
    String shortcut,
    String body,
    boolean shared,
    String owner,
    JsonObject interactive) {

  static CannedResponseView of(CannedResponse c) {
    return new CannedResponseView(
        c.getId(),
        c.getName(),
        c.getShortcut(),
        c.getBody(),
        c.isShared(),
        c.isShared() ? null : c.getOwner().getUsername(),
        c.getInteractive());
  }
}
