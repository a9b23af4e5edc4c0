package org.ventanilla.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants are stored; API and views speak ISO-8601 with an offset. */
public final class Times {

  private Times() {}

  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
