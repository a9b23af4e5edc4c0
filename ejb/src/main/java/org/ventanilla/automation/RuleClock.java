package org.ventanilla.automation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ventanilla.platform.Settings;
import org.ventanilla.ticket.TicketSnoozing;

/**
 * Brings snoozed tickets back and looks at the time rules every {@code
 * ventanilla.automation.tick.seconds} (default 30). Every server runs it; each firing claims its
 * ticket and wait in the database first, so a wait fires once whichever server gets there. The
 * timer is persistent; the tick runs outside a transaction and each ticket's work in one of its own
 * (a tick missed while the server was down is simply the next tick's work: the claims are the
 * memory).
 */
@Singleton
@Startup
@jakarta.ejb.DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RuleClock {

  private static final Logger LOG = Logger.getLogger(RuleClock.class.getName());
  private static final int PER_RULE = 200;
  private static final String TIMER = "automation-time-rules";

  @Resource TimerService timers;
  @Inject RuleRepository rules;
  @Inject RuleEngine engine;
  @Inject TicketSnoozing snoozing;
  @Inject Clock clock;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void start() {
    long seconds =
        Settings.get("ventanilla.automation.tick.seconds").map(Long::parseLong).orElse(30L);
    // Persistent, as the issue asks; the one left from the last start is replaced, so the period
    // follows the setting and starts do not pile timers up.
    for (jakarta.ejb.Timer old : timers.getTimers()) {
      if (TIMER.equals(old.getInfo())) {
        old.cancel();
      }
    }
    timers.createIntervalTimer(seconds * 1000, seconds * 1000, new TimerConfig(TIMER, true));
  }

  @Timeout
  @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      snoozing.wakeDue();
      Instant now = clock.instant();
      for (Rule rule : rules.active(RuleDefinition.Event.TIME)) {
        RuleDefinition.When when = rule.definition().when();
        Instant cutoff = now.minus(Duration.ofMinutes(when.minutes()));
        for (RuleRepository.Waiting waiting : rules.waiting(when.since(), cutoff, PER_RULE)) {
          fire(rule, waiting);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Time rules tick failed; the next tick tries again", e);
    } finally {
      running.set(false);
    }
  }

  private void fire(Rule rule, RuleRepository.Waiting waiting) {
    try {
      engine.fireWaiting(rule.getId(), waiting.ticketId(), waiting.since());
    } catch (RuntimeException e) {
      // Another server claimed the same wait at the same moment (unique key) or the ticket moved.
      LOG.log(Level.FINE, "Time rule " + rule.getId() + " on ticket " + waiting.ticketId(), e);
    }
  }
}
