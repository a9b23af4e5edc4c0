package org.ventanilla.ticket;

import java.time.Instant;
import java.util.Optional;
import org.ventanilla.common.ChannelType;

/**
 * The service level one ticket is held to, as the ticket needs it: the deadline of a clock started
 * at a given instant. Implemented by the SLA policies; empty when no policy applies.
 */
@FunctionalInterface
public interface SlaTerms {

  SlaTerms NONE = (clock, start) -> Optional.empty();

  Optional<SlaDeadline> deadline(SlaClockKind clock, Instant start);

  /** Finds the terms for a ticket's priority and channel (implemented by the SLA policies). */
  interface Source {
    SlaTerms termsFor(Priority priority, ChannelType channel);
  }
}
