package org.ventanilla.channel.whatsapp;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an agent may send on a ticket right now: anything on email, free text on WhatsApp while the
 * customer's 24-hour window is open, and after that only one of the channel's templates.
 */
public record ReplyWindow(
    boolean whatsapp, boolean open, OffsetDateTime closesAt, List<WhatsAppTemplateView> templates) {

  public static ReplyWindow unrestricted() {
    return new ReplyWindow(false, true, null, List.of());
  }
}
