package org.ventanilla.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One clock for the whole application, so time can be reasoned about (and replaced in tests). */
@ApplicationScoped
public class ClockProducer {

  @Produces
  @ApplicationScoped
  public Clock clock() {
    return Clock.systemUTC();
  }
}
