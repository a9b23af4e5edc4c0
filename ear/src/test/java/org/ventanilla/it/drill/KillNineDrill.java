package org.ventanilla.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ventanilla.it.Api;
import org.ventanilla.it.CloudApiStandIn;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;
import org.ventanilla.it.MailServer;

/**
 * A server dies with SIGKILL while it polls a large mailbox and answers a burst of webhooks. What
 * it acknowledged must survive, what it did not is delivered again (Meta retries until it gets a
 * 2xx), and after the restart every message and every mail is there exactly once.
 */
@ExtendWith(FaultDrillExtension.class)
@Order(2)
class KillNineDrill {

  private static final int MAILS = 400;
  private static final int CUSTOMERS = 30;
  private static final int MESSAGES_EACH = 10;

  @Test
  @DisplayName(
      "a server killed with SIGKILL mid-poll and mid-burst loses nothing it acknowledged; after its restart every message and mail is there exactly once")
  void killedServerLosesNothing(DrillEnvironment env) throws Exception {
    ServerProcess victim = env.a();
    Api admin = env.admin(victim);
    List<String> cleanup = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(13);
    try (CloudApiStandIn cloud = new CloudApiStandIn();
        MailServer mail = MailServer.start()) {
      // Arrange: a mailbox holding many mails, and the webhook deliveries of a busy number.
      String mailbox = "kill-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      mail.addMailbox(mailbox, "drill-secret");
      List<String> messageIds = new ArrayList<>();
      for (int i = 0; i < MAILS; i++) {
        String id = Deliveries.newMessageId();
        messageIds.add(id);
        mail.deliver(
            mailbox,
            Deliveries.mail(id, "kill" + i + "@example.org", mailbox, "Pedido " + i, "Hola " + i));
      }
      WhatsAppNumber number = Deliveries.newNumber(admin, cloud.baseUrl());
      cleanup.add("channels/" + number.id());
      List<String> waIds = new ArrayList<>();
      List<String> wamids = new ArrayList<>();
      List<String> payloads = new ArrayList<>();
      long now = Instant.now().getEpochSecond();
      for (int c = 0; c < CUSTOMERS; c++) {
        String waId = Deliveries.newWaId();
        waIds.add("+" + waId);
        for (int m = 0; m < MESSAGES_EACH; m++) {
          String wamid = Deliveries.newWamid();
          wamids.add(wamid);
          payloads.add(
              Deliveries.textMessage(number, waId, "Cliente " + c, wamid, now + m, "M" + m));
        }
      }

      // Act: the server starts polling the mailbox (an admin's "poll now"); once mail is landing,
      // the webhook burst starts; once both are well under way, SIGKILL.
      long mailboxId =
          Deliveries.newMailbox(admin, mailbox, mail.imapPort(), mail.smtpPort(), 3600);
      cleanup.add("channels/" + mailboxId);
      pool.submit(() -> admin.post("channels/" + mailboxId + "/poll", null));
      assertTrue(
          DrillEnvironment.await(
              Duration.ofSeconds(60), () -> env.count(Queries.INBOUND_OF_CHANNEL, mailboxId) >= 50),
          "the poll is storing mail");
      Map<Integer, Integer> answers = new ConcurrentHashMap<>();
      AtomicInteger acknowledged = new AtomicInteger();
      for (int i = 0; i < payloads.size(); i++) {
        int index = i;
        pool.submit(
            () -> {
              int status = Deliveries.post(victim.baseUrl(), number, payloads.get(index));
              answers.put(index, status);
              if (status == 200) {
                acknowledged.incrementAndGet();
              }
            });
      }
      assertTrue(
          DrillEnvironment.await(Duration.ofSeconds(60), () -> acknowledged.get() >= 60),
          "the burst is being acknowledged");
      Object lockOwner = env.query(Queries.POLL_LOCK_OWNER, mailboxId).get(0)[0];
      long mailsBeforeKill = env.count(Queries.INBOUND_OF_CHANNEL, mailboxId);
      victim.kill();
      Instant killedAt = Instant.now();
      int acknowledgedBeforeKill = acknowledged.get();
      pool.shutdown();
      assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
      env.figure(
          "kill -9 drill: killed with mails stored / acknowledged deliveries",
          mailsBeforeKill
              + " of "
              + MAILS
              + " / "
              + acknowledgedBeforeKill
              + " of "
              + payloads.size());
      assertTrue(
          String.valueOf(lockOwner).startsWith(victim.name() + ":"),
          "the killed server was the one polling: " + lockOwner);
      assertTrue(mailsBeforeKill < MAILS, "the kill came before the poll ended: give it more mail");
      assertTrue(acknowledgedBeforeKill < payloads.size(), "the kill came during the burst");

      // Every acknowledged delivery is in the database already, although its server is gone.
      List<Integer> acknowledgedIndexes = new ArrayList<>();
      answers.forEach(
          (index, status) -> {
            if (status == 200) {
              acknowledgedIndexes.add(index);
            }
          });
      List<String> acknowledgedWamids = acknowledgedIndexes.stream().map(wamids::get).toList();
      assertEquals(
          acknowledgedWamids.size(),
          env.countsBy(Queries.PAYLOADS_NAMING, acknowledgedWamids).size(),
          "every acknowledged delivery was stored before its answer");
      victim.start();
      env.figure("kill -9 drill: restart of the killed server", victim.lastStart());

      // Meta delivers again what got no 2xx, to either server, and repeats a few it had already
      // delivered (it may).
      List<Integer> again = new ArrayList<>();
      for (int i = 0; i < payloads.size(); i++) {
        if (answers.getOrDefault(i, Deliveries.NO_ANSWER) != 200) {
          again.add(i);
        }
      }
      for (int i = 0; i < again.size(); i++) {
        ServerProcess server = i % 2 == 0 ? env.a() : env.b();
        assertEquals(200, Deliveries.post(server.baseUrl(), number, payloads.get(again.get(i))));
      }
      for (int index : acknowledgedIndexes.subList(0, 20)) {
        assertEquals(200, Deliveries.post(env.b().baseUrl(), number, payloads.get(index)));
      }

      // Assert: everything arrives, once.
      boolean complete =
          DrillEnvironment.await(
              Duration.ofSeconds(120),
              () ->
                  env.countsBy(Queries.MESSAGES, wamids).size() == wamids.size()
                      && env.countsBy(Queries.MESSAGES, messageIds).size() == MAILS);
      env.figure(
          "kill -9 drill: from the kill until every message and mail was stored",
          Duration.between(killedAt, Instant.now()));
      assertTrue(
          complete,
          "every message and mail arrives: "
              + env.countsBy(Queries.MESSAGES, wamids).size()
              + " of "
              + wamids.size()
              + " messages, "
              + env.countsBy(Queries.MESSAGES, messageIds).size()
              + " of "
              + MAILS
              + " mails");
      env.countsBy(Queries.MESSAGES, wamids)
          .forEach((id, n) -> assertEquals(1L, n, "WhatsApp message " + id + " stored once"));
      env.countsBy(Queries.MESSAGES, messageIds)
          .forEach((id, n) -> assertEquals(1L, n, "mail " + id + " stored once"));
      assertEquals(MAILS, env.count(Queries.INBOUND_OF_CHANNEL, mailboxId));
      env.countsBy(Queries.TICKETS_PER_CONTACT, waIds)
          .forEach((waId, n) -> assertEquals(1L, n, "customer " + waId + " has one conversation"));
    } finally {
      pool.shutdownNow();
      env.ensureRunning();
      env.delete(cleanup);
    }
  }
}
