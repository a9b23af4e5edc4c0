package org.ventanilla.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Two servers on one database do the same work at the same time: both poll one mailbox, both
 * receive every webhook delivery (Meta may deliver one twice, and behind a load balancer either
 * server gets it), both scan the same SLA clocks. Nothing may come out twice.
 */
@ExtendWith(FaultDrillExtension.class)
@Order(1)
class TwoServersDrill {

  private static final int CUSTOMERS = 20;
  private static final int MESSAGES_EACH = 3;
  private static final int MAILS = 40;

  @Test
  @DisplayName(
      "two servers polling one mailbox and receiving the same webhooks store each message once, open one ticket per customer and fire each SLA alert once")
  void twoServersNeverDuplicate(DrillEnvironment env) throws Exception {
    Api adminA = env.admin(env.a());
    Api adminB = env.admin(env.b());
    List<String> cleanup = new ArrayList<>();
    try (CloudApiStandIn cloud = new CloudApiStandIn();
        MailServer mail = MailServer.start()) {
      // Arrange: a mailbox (polled every 5 s), a number, an online agent with an address for the
      // SLA mails, and a one-minute first-response policy for WhatsApp warning at 10 %.
      String mailbox = "two-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      mail.addMailbox(mailbox, "drill-secret");
      long mailboxId = Deliveries.newMailbox(adminA, mailbox, mail.imapPort(), mail.smtpPort(), 5);
      cleanup.add("channels/" + mailboxId);
      WhatsAppNumber number = Deliveries.newNumber(adminA, cloud.baseUrl());
      cleanup.add("channels/" + number.id());
      String agent = "two-agent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
      assertEquals(
          201,
          adminA
              .post(
                  "agents",
                  """
                  {"displayName":"Drill agent","email":"%s","role":"agent","password":"Drill-Agent-2026!"}"""
                      .formatted(agent))
              .status());
      assertEquals(
          200, adminA.patch("agents/" + agent, "{\"availability\":\"online\"}", Map.of()).status());
      Api.Response policy =
          adminA.post(
              "sla-policies",
              """
              {"name":"Drill","priority":"normal","channel":"whatsapp",
               "firstResponseMinutes":1,"resolutionMinutes":600,"warnAtPercent":10}""");
      assertEquals(201, policy.status(), policy::toString);
      cleanup.add("sla-policies/" + policy.object().getJsonNumber("id").longValue());

      // Act: every delivery goes to both servers at once; mail arrives in waves while both servers
      // poll the mailbox (their timers, plus forced polls on both). The messages were written 28 s
      // ago (Meta delivers late), so the tickets' first responses fall due in about 30 s and their
      // warnings (at 6 s) are due at once.
      long writtenAt = Instant.now().minusSeconds(28).getEpochSecond();
      List<String> waIds = new ArrayList<>();
      List<String> wamids = new ArrayList<>();
      List<String> payloads = new ArrayList<>();
      for (int c = 0; c < CUSTOMERS; c++) {
        String waId = Deliveries.newWaId();
        waIds.add("+" + waId);
        for (int m = 0; m < MESSAGES_EACH; m++) {
          String wamid = Deliveries.newWamid();
          wamids.add(wamid);
          payloads.add(
              Deliveries.textMessage(
                  number, waId, "Cliente " + c, wamid, writtenAt + m, "Mensaje " + m));
        }
      }
      List<String> messageIds = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(8);
      AtomicBoolean polling = new AtomicBoolean(true);
      Future<?> pollers =
          pool.submit(
              () -> {
                while (polling.get()) {
                  Future<?> onB =
                      pool.submit(() -> adminB.post("channels/" + mailboxId + "/poll", null));
                  adminA.post("channels/" + mailboxId + "/poll", null);
                  try {
                    onB.get();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  ServerProcess.sleep(150);
                }
              });
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < payloads.size(); i++) {
        String payload = payloads.get(i);
        answers.add(pool.submit(() -> Deliveries.post(env.a().baseUrl(), number, payload)));
        answers.add(pool.submit(() -> Deliveries.post(env.b().baseUrl(), number, payload)));
        if (i % (payloads.size() / 4) == 0) {
          for (int m = 0; m < MAILS / 4; m++) {
            String id = Deliveries.newMessageId();
            messageIds.add(id);
            mail.deliver(
                mailbox,
                Deliveries.mail(
                    id, "cliente" + messageIds.size() + "@example.org", mailbox, "Pedido", "Hola"));
          }
        }
      }
      for (Future<Integer> answer : answers) {
        assertEquals(200, answer.get(), "every delivery is acknowledged by either server");
      }

      // Assert: every message is there; then the clocks fall due and both servers scan them.
      assertTrue(
          DrillEnvironment.await(
              Duration.ofSeconds(60),
              () ->
                  env.countsBy(Queries.MESSAGES, wamids).size() == wamids.size()
                      && env.countsBy(Queries.MESSAGES, messageIds).size() == messageIds.size()),
          "every message and mail arrives");
      polling.set(false);
      pollers.get();
      pool.shutdown();

      assertEquals(
          2L * payloads.size(),
          env.count(Queries.PAYLOADS_OF_CHANNEL, number.id()),
          "both servers stored every delivery they acknowledged");
      env.countsBy(Queries.MESSAGES, wamids)
          .forEach((id, n) -> assertEquals(1L, n, "WhatsApp message " + id + " stored once"));
      env.countsBy(Queries.MESSAGES, messageIds)
          .forEach((id, n) -> assertEquals(1L, n, "mail " + id + " stored once"));
      Map<String, Long> ticketsPerCustomer = env.countsBy(Queries.TICKETS_PER_CONTACT, waIds);
      assertEquals(CUSTOMERS, ticketsPerCustomer.size());
      ticketsPerCustomer.forEach(
          (waId, n) -> assertEquals(1L, n, "customer " + waId + " has one conversation"));

      assertTrue(
          DrillEnvironment.await(
              Duration.ofSeconds(60),
              () ->
                  env.count(Queries.SLA_EVENTS_OF_CHANNEL, number.id(), "SLA_BREACH") == CUSTOMERS),
          "every ticket's first response breaches");
      ServerProcess.sleep(7_000); // both servers scan twice more: nothing fires again
      List<Object[]> perTicket = env.query(Queries.SLA_EVENTS_PER_TICKET, agent, number.id());
      assertEquals(CUSTOMERS, perTicket.size());
      // A warning is skipped only when its ticket was filed after the due time itself (a very
      // slow machine): a breach then says it all. Either way no alert fires twice.
      long alerts = 0;
      for (Object[] row : perTicket) {
        long warnings = ((Number) row[1]).longValue();
        assertTrue(warnings <= 1, "at most one warning on ticket " + row[0]);
        assertEquals(1L, ((Number) row[2]).longValue(), "one breach on ticket " + row[0]);
        assertEquals(warnings + 1, ((Number) row[3]).longValue(), "alerts of ticket " + row[0]);
        assertEquals(
            warnings + 1, ((Number) row[4]).longValue(), "notifications of ticket " + row[0]);
        alerts += warnings + 1;
      }
      env.figure("two-servers drill: SLA alerts fired (each once)", String.valueOf(alerts));
      MimeMessage[] notices = mail.received(agent, (int) alerts, Duration.ofSeconds(10));
      ServerProcess.sleep(1_000);
      notices = mail.received(agent, (int) alerts, Duration.ZERO);
      assertEquals(alerts, notices.length, "one mail per alert");
      assertEquals(
          alerts,
          java.util.Arrays.stream(notices).map(m -> header(m, "Message-ID")).distinct().count(),
          "no alert mailed twice");
    } finally {
      env.delete(cleanup);
    }
  }

  static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
