package org.ventanilla.channel.whatsapp;

import java.time.Instant;
import org.ventanilla.common.InvalidInputException;

/** A free-form WhatsApp reply after the 24-hour window: only a template may go out now. */
public class WindowClosedException extends InvalidInputException {

  public WindowClosedException(Instant lastInboundAt) {
    super(
        "whatsapp_window_closed",
        "The customer last wrote "
            + (lastInboundAt == null ? "never" : "at " + lastInboundAt)
            + "; after 24 hours WhatsApp takes only an approved template"
            + " ({\"template\":{\"name\",\"language\",\"parameters\"}})");
  }
}
