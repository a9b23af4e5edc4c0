package org.ventanilla.ticket;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an agent may send on a ticket right now, as its channel says: anything on most channels; on
 * one that limits free text (WhatsApp's 24-hour window), free text while the window is open and
 * after that only one of the channel's templates.
 *
 * @param limited the channel limits free-form replies in time
 * @param open free text may go out now
 * @param closesAt when the window closes (null when not limited or never opened)
 */
public record ReplyWindow(
    boolean limited, boolean open, OffsetDateTime closesAt, List<ReplyTemplate> templates)
    implements Serializable {

  public static ReplyWindow unrestricted() {
    return new ReplyWindow(false, true, null, List.of());
  }
}
