package org.ventanilla.template;

import java.io.Serializable;

/** A canned response as the composer, the templates page and the API show it. */
public record CannedResponseView(
    long id, String name, String shortcut, String body, boolean shared, String owner)
    implements Serializable {

  static CannedResponseView of(CannedResponse c) {
    return new CannedResponseView(
        c.getId(),
        c.getName(),
        c.getShortcut(),
        c.getBody(),
        c.isShared(),
        c.isShared() ? null : c.getOwner().getUsername());
  }
}
