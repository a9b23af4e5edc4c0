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
 * timer itself is not persistent: a tick missed while the server was down is simply the next tick's
 * work, since the claims are the memory.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RuleClock {

  private static final Logger LOG = Logger.getLogger(RuleClock.class.getName());
  private static final int PER_RULE = 200;

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
    timers.createIntervalTimer(
        seconds * 1000, seconds * 1000, new TimerConfig("automation-time-rules", false));
  }

  @Timeout
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
