package org.ventanilla.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ventanilla.it.Api;
import org.ventanilla.it.CloudApiStandIn;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;
import org.ventanilla.it.MailServer;

/**
 * PostgreSQL stops (a clean fast shutdown, as for an upgrade) while both servers take webhooks and
 * poll a mailbox, and starts again. A server must never acknowledge what it could not store, must
 * leave the mail on the IMAP server unseen, and must pick everything up once the database is back.
 */
@ExtendWith(FaultDrillExtension.class)
@Order(3)
class DatabaseStopDrill {

  private static final Duration OUTAGE = Duration.ofSeconds(12);
  private static final int MAILS_DURING_OUTAGE = 10;

  /** One webhook delivery of the burst: where it went, when, and what came back. */
  private record Delivery(
      int index, ServerProcess server, Instant sent, Instant answered, int status) {}

  @Test
  @DisplayName(
      "while PostgreSQL is stopped webhooks get an error status and mail stays unseen; once it is back every message and mail arrives exactly once")
  void databaseStopsAndComesBack(DrillEnvironment env) throws Exception {
    Api admin = env.admin(env.a());
    List<String> cleanup = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (CloudApiStandIn cloud = new CloudApiStandIn();
        MailServer mail = MailServer.start()) {
      String mailbox = "db-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      mail.addMailbox(mailbox, "drill-secret");
      long mailboxId = Deliveries.newMailbox(admin, mailbox, mail.imapPort(), mail.smtpPort(), 5);
      cleanup.add("channels/" + mailboxId);
      WhatsAppNumber number = Deliveries.newNumber(admin, cloud.baseUrl());
      cleanup.add("channels/" + number.id());
      List<String> messageIds = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        messageIds.add(deliverMail(mail, mailbox, "before"));
      }

      // Deliveries go on all along, alternating between the servers, one every 50 ms.
      List<String> wamids = new CopyOnWriteArrayList<>();
      List<String> payloads = new CopyOnWriteArrayList<>();
      List<Delivery> deliveries = new CopyOnWriteArrayList<>();
      AtomicBoolean bursting = new AtomicBoolean(true);
      long now = Instant.now().getEpochSecond();
      Future<?> burst =
          pool.submit(
              () -> {
                for (int i = 0; bursting.get(); i++) {
                  String wamid = Deliveries.newWamid();
                  String payload =
                      Deliveries.textMessage(
                          number, Deliveries.newWaId(), "Cliente " + i, wamid, now, "Hola " + i);
                  wamids.add(wamid);
                  payloads.add(payload);
                  ServerProcess server = i % 2 == 0 ? env.a() : env.b();
                  Instant sent = Instant.now();
                  int status = Deliveries.post(server.baseUrl(), number, payload);
                  deliveries.add(new Delivery(i, server, sent, Instant.now(), status));
                  ServerProcess.sleep(50);
                }
              });
      assertTrue(
          DrillEnvironment.await(Duration.ofSeconds(30), () -> deliveries.size() >= 40),
          "the burst runs");

      // Act: the database stops; mail arrives meanwhile.
      env.stopDatabase();
      Instant stopped = Instant.now();
      for (int i = 0; i < MAILS_DURING_OUTAGE; i++) {
        messageIds.add(deliverMail(mail, mailbox, "during"));
      }
      ServerProcess.sleep(OUTAGE.toMillis());
      Set<String> unseen = unseenMessageIds(mail, mailbox);
      Instant restarting = Instant.now();
      env.startDatabase();
      Instant started = Instant.now();
      env.figure(
          "database drill: PostgreSQL start (pg_ctl -w)", Duration.between(restarting, started));

      // How long until each server serves a signed-in request and acknowledges webhooks again.
      Future<Duration> signInA = pool.submit(() -> untilSignedIn(env, env.a(), started));
      Future<Duration> signInB = pool.submit(() -> untilSignedIn(env, env.b(), started));
      env.figure("database drill: sign-in works again on A after", signInA.get());
      env.figure("database drill: sign-in works again on B after", signInB.get());
      assertTrue(
          DrillEnvironment.await(
              Duration.ofSeconds(60),
              () ->
                  deliveries.stream()
                          .filter(d -> d.sent().isAfter(started) && d.status() == 200)
                          .map(Delivery::server)
                          .distinct()
                          .count()
                      == 2),
          "both servers acknowledge webhooks again");
      for (ServerProcess server : List.of(env.a(), env.b())) {
        deliveries.stream()
            .filter(d -> d.server() == server && d.sent().isAfter(started) && d.status() == 200)
            .map(Delivery::answered)
            .min(Instant::compareTo)
            .ifPresent(
                at ->
                    env.figure(
                        "database drill: webhooks acknowledged again on "
                            + server.name()
                            + " after",
                        Duration.between(started, at)));
      }
      bursting.set(false);
      burst.get();

      // Assert: nothing was acknowledged while the database was down, and mail was left unseen.
      List<Delivery> duringOutage =
          deliveries.stream()
              .filter(d -> d.sent().isAfter(stopped) && d.answered().isBefore(restarting))
              .toList();
      assertTrue(duringOutage.size() >= 4, "deliveries came during the outage");
      for (Delivery d : duringOutage) {
        assertTrue(
            d.status() >= 500,
            "delivery " + d.index() + " to " + d.server() + " answered " + d.status());
      }
      List<Long> millis =
          duringOutage.stream()
              .map(d -> Duration.between(d.sent(), d.answered()).toMillis())
              .sorted()
              .toList();
      env.figure(
          "database drill: deliveries answered 5xx while PostgreSQL was down, median answer time",
          duringOutage.size() + ", " + millis.get(millis.size() / 2) + " ms");
      assertTrue(
          unseen.containsAll(messageIds.subList(5, messageIds.size())),
          "the mail that came during the outage was still unseen on the IMAP server");

      // Meta delivers again what got no 2xx.
      for (Delivery d : deliveries) {
        if (d.status() != 200) {
          assertEquals(200, Deliveries.post(d.server().baseUrl(), number, payloads.get(d.index())));
        }
      }
      boolean complete =
          DrillEnvironment.await(
              Duration.ofSeconds(60),
              () ->
                  env.countsBy(Queries.MESSAGES, wamids).size() == wamids.size()
                      && env.countsBy(Queries.MESSAGES, messageIds).size() == messageIds.size());
      env.figure(
          "database drill: from PostgreSQL's restart until every message and mail was stored",
          Duration.between(started, Instant.now()));
      assertTrue(complete, "every message and mail arrives");
      env.countsBy(Queries.MESSAGES, wamids)
          .forEach((id, n) -> assertEquals(1L, n, "WhatsApp message " + id + " stored once"));
      env.countsBy(Queries.MESSAGES, messageIds)
          .forEach((id, n) -> assertEquals(1L, n, "mail " + id + " stored once"));
      assertTrue(
          DrillEnvironment.await(
              Duration.ofSeconds(20),
              () -> {
                Set<String> stillUnseen = unseenMessageIds(mail, mailbox);
                return messageIds.stream().noneMatch(stillUnseen::contains);
              }),
          "stored mail is marked seen on the IMAP server");

      // A restart with nothing in between (every pooled connection is dead, none has failed yet):
      // how long until sign-in works again.
      env.stopDatabase();
      env.startDatabase();
      Instant back = Instant.now();
      Future<Duration> quickA = pool.submit(() -> untilSignedIn(env, env.a(), back));
      Future<Duration> quickB = pool.submit(() -> untilSignedIn(env, env.b(), back));
      env.figure(
          "database drill: after a quick restart, sign-in works again on A after", quickA.get());
      env.figure(
          "database drill: after a quick restart, sign-in works again on B after", quickB.get());
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
      env.ensureRunning();
      env.delete(cleanup);
    }
  }

  private static String deliverMail(MailServer mail, String mailbox, String when) {
    String id = Deliveries.newMessageId();
    mail.deliver(
        mailbox,
        Deliveries.mail(
            id,
            "db-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
            mailbox,
            "Escrito " + when,
            "Hola"));
    return id;
  }

  /** Time from {@code since} until the server answers a signed-in API request again. */
  private static Duration untilSignedIn(DrillEnvironment env, ServerProcess server, Instant since) {
    Api admin = env.admin(server);
    Instant end = since.plusSeconds(90);
    while (Instant.now().isBefore(end)) {
      try {
        if (admin.get("agents/me").status() == 200) {
          return Duration.between(since, Instant.now());
        }
      } catch (IllegalStateException e) {
        // no answer
      }
      ServerProcess.sleep(100);
    }
    throw new AssertionError(server + " did not serve a signed-in request within 90 s");
  }

  /** The Message-IDs of the mails not marked \Seen, read without changing any flag. */
  static Set<String> unseenMessageIds(MailServer mail, String mailbox) {
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect("127.0.0.1", mail.imapPort(), mailbox, "drill-secret");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Set<String> unseen = new HashSet<>();
      for (Message message : inbox.getMessages()) {
        if (!message.isSet(Flags.Flag.SEEN)) {
          String[] id = message.getHeader("Message-ID");
          if (id != null) {
            unseen.add(id[0].strip());
          }
        }
      }
      inbox.close(false);
      return unseen;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
