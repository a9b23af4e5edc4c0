package org.ventanilla.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ventanilla.it.MailServer;

/**
 * The server holding a mailbox's IMAP IDLE connection dies with SIGKILL. Its lock (90 s, renewed
 * every 30 s) runs out, and the other server must take the mailbox over by then: IDLE there, the
 * mail that came meanwhile on its ticket once, one ticket per customer, with no poll to help (the
 * mailbox is polled hourly).
 */
@ExtendWith(FaultDrillExtension.class)
@Order(5)
class IdleTakeoverDrill {

  /** The IDLE lock's hold (PollWork.IDLE_HOLD), the bound the issue sets for a takeover. */
  private static final Duration LOCK_HOLD = Duration.ofSeconds(90);

  /** Beyond the lock's expiry: the takeover check's period (5 s) and the clocks' margin (1 s). */
  private static final Duration TAKEOVER_SLACK = Duration.ofSeconds(10);

  private static final int MAILS_BEFORE = 3;
  private static final int MAILS_DURING = 6;

  @Test
  @DisplayName(
      "killing the server holding a mailbox's IDLE connection lets the other take over within the"
          + " lock's expiry: mode idle there, the mail sent meanwhile on one ticket each, once")
  void otherServerTakesOverTheIdleConnection(DrillEnvironment env) throws Exception {
    List<String> cleanup = new ArrayList<>();
    ServerProcess victim = null;
    try (MailServer mail = MailServer.start()) {
      String mailbox = "takeover-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      mail.addMailbox(mailbox, "drill-secret");
      long mailboxId =
          Deliveries.newMailbox(
              env.admin(env.a()), mailbox, mail.imapPort(), mail.smtpPort(), 3600);
      cleanup.add("channels/" + mailboxId);

      // Arrange: one of the two servers holds the IDLE connection, and mail comes through it.
      assertTrue(
          DrillEnvironment.await(Duration.ofSeconds(60), () -> idleHolder(env, mailboxId) != null),
          "a server takes the mailbox in IDLE");
      victim = idleHolder(env, mailboxId);
      ServerProcess survivor = victim == env.a() ? env.b() : env.a();
      List<String> messageIds = new ArrayList<>();
      List<String> customers = new ArrayList<>();
      for (int i = 0; i < MAILS_BEFORE; i++) {
        deliver(mail, mailbox, messageIds, customers, "antes " + i);
      }
      assertTrue(
          DrillEnvironment.await(
              Duration.ofSeconds(60),
              () -> env.countsBy(Queries.MESSAGES, messageIds).size() == messageIds.size()),
          "IDLE on " + victim.name() + " brings the first mails");

      // Act: SIGKILL to the holder; mail keeps coming while its lock runs out.
      victim.kill();
      Instant killedAt = Instant.now();
      for (int i = 0; i < MAILS_DURING; i++) {
        deliver(mail, mailbox, messageIds, customers, "durante " + i);
        ServerProcess.sleep(5_000);
      }
      boolean takenOver =
          DrillEnvironment.await(
              LOCK_HOLD.plus(TAKEOVER_SLACK).minus(Duration.between(killedAt, Instant.now())),
              () -> idleHolder(env, mailboxId) == survivor);
      Duration takeover = Duration.between(killedAt, Instant.now());
      env.figure("IDLE takeover drill: from kill -9 until the other server idles", takeover);
      assertTrue(
          takenOver,
          survivor.name()
              + " holds the IDLE connection within the lock's expiry and the takeover check");
      assertEquals(
          "idle",
          env.admin(survivor)
              .get("channels/" + mailboxId)
              .object()
              .getJsonObject("health")
              .getString("mode"),
          "the surviving server reports the mailbox in IDLE");

      // Mail after the takeover comes at once through the survivor's connection.
      deliver(mail, mailbox, messageIds, customers, "después");
      boolean complete =
          DrillEnvironment.await(
              Duration.ofSeconds(60),
              () -> env.countsBy(Queries.MESSAGES, messageIds).size() == messageIds.size());
      env.figure(
          "IDLE takeover drill: from kill -9 until every mail was on its ticket",
          Duration.between(killedAt, Instant.now()));
      assertTrue(complete, "every mail sent before, during and after the takeover arrives");
      env.countsBy(Queries.MESSAGES, messageIds)
          .forEach((id, n) -> assertEquals(1L, n, "mail " + id + " stored once"));
      env.countsBy(Queries.TICKETS_PER_CONTACT, customers)
          .forEach((customer, n) -> assertEquals(1L, n, customer + " has one ticket"));
      assertEquals(customers.size(), env.countsBy(Queries.TICKETS_PER_CONTACT, customers).size());

      // The killed server comes back; the mailbox stays with the survivor, nothing doubles.
      victim.start();
      env.figure("IDLE takeover drill: restart of the killed server", victim.lastStart());
      assertEquals(survivor, idleHolder(env, mailboxId), "the survivor keeps the mailbox");
      env.countsBy(Queries.MESSAGES, messageIds)
          .forEach((id, n) -> assertEquals(1L, n, "mail " + id + " still stored once"));
    } finally {
      env.ensureRunning();
      env.delete(cleanup);
    }
  }

  /** The server whose IDLE connection holds the mailbox's lock now, or null. */
  private static ServerProcess idleHolder(DrillEnvironment env, long mailboxId) {
    List<Object[]> rows =
        env.query(
            "SELECT poll_lock_owner FROM channel WHERE id = ? AND mail_mode = 'IDLE'"
                + " AND poll_lock_until > now()",
            mailboxId);
    if (rows.isEmpty() || rows.get(0)[0] == null) {
      return null;
    }
    String owner = String.valueOf(rows.get(0)[0]);
    for (ServerProcess server : List.of(env.a(), env.b())) {
      if (owner.startsWith(server.name() + ":idle:")) {
        return server;
      }
    }
    return null;
  }

  private static void deliver(
      MailServer mail,
      String mailbox,
      List<String> messageIds,
      List<String> customers,
      String when) {
    String id = Deliveries.newMessageId();
    String customer = "takeover-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    mail.deliver(mailbox, Deliveries.mail(id, customer, mailbox, "Escrito " + when, "Hola"));
    messageIds.add(id);
    customers.add(customer);
  }
}
