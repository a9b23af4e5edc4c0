package org.ventanilla.sla;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ventanilla.channel.SendResult;
import org.ventanilla.channel.email.EmailSender;
import org.ventanilla.channel.email.OutgoingMail;

/**
 * Every few seconds, fires the SLA warnings and breaches that are due. The due times and the alerts
 * already fired live in the database, so the timer itself need not be persistent: after a restart
 * the first scan fires what fell due meanwhile, once; with several servers the alert's unique claim
 * row decides which one fires. Mail leaves after the alert has committed.
 */
@Singleton
@Startup
@PermitAll
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SlaScanner {

  private static final Logger LOG = Logger.getLogger(SlaScanner.class.getName());
  private static final long INTERVAL_MS = 3_000;
  private static final int BATCH = 100;

  @Resource TimerService timers;
  @Inject SlaAlerts alerts;
  @Inject EmailSender email;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(INTERVAL_MS, INTERVAL_MS, new TimerConfig("sla-scan", false));
  }

  @Timeout
  void onTimer() {
    scan();
  }

  /** Fires what is due; returns how many alerts this server fired. */
  public int scan() {
    if (!running.compareAndSet(false, true)) {
      return 0;
    }
    int fired = 0;
    try {
      for (SlaAlerts.Due due : alerts.due(BATCH)) {
        Optional<SlaAlerts.Fired> done = fireOnce(due);
        if (done.isPresent()) {
          fired++;
          send(done.get());
        }
      }
    } catch (RuntimeException e) {
      // The database may be away; the next tick tries again.
      LOG.log(Level.WARNING, "SLA scan failed: " + e.getMessage());
    } finally {
      running.set(false);
    }
    return fired;
  }

  private Optional<SlaAlerts.Fired> fireOnce(SlaAlerts.Due due) {
    try {
      return alerts.fire(due);
    } catch (EJBException e) {
      // Another server claimed this alert first: it is theirs to send.
      LOG.fine(() -> "SLA alert " + due + " not fired here: " + e.getMessage());
      return Optional.empty();
    }
  }

  private void send(SlaAlerts.Fired fired) {
    if (fired.mails().isEmpty()) {
      return;
    }
    List<String> results = new ArrayList<>();
    for (OutgoingMail mail : fired.mails()) {
      SendResult result;
      try {
        result = email.send(mail);
      } catch (RuntimeException e) {
        result = new SendResult.TryLater(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      results.add(mail.to() + ": " + result);
    }
    alerts.recordMail(fired.alertId(), String.join("; ", results));
  }
}
