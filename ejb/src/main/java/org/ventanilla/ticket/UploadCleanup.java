package org.ventanilla.ticket;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every hour: uploads no message carried within a day are deleted, row and file. */
@Singleton
public class UploadCleanup {

  static final Duration KEEP_UNUSED = Duration.ofHours(24);
  private static final Logger LOG = Logger.getLogger(UploadCleanup.class.getName());

  @Inject Uploads uploads;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "17", persistent = false)
  void deleteUnused() {
    try {
      int deleted = uploads.deleteUnusedBefore(clock.instant().minus(KEEP_UNUSED));
      if (deleted > 0) {
        LOG.info(() -> "Deleted " + deleted + " uploads never sent");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not delete unused uploads", e);
    }
  }
}
