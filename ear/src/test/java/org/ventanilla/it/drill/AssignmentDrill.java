package org.ventanilla.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ventanilla.it.Api;
import org.ventanilla.it.CloudApiStandIn;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;
import org.ventanilla.it.MailServer;

/**
 * Issue 18's check: 100 tickets opened at once over mail and WhatsApp, on two servers sharing one
 * database, are shared out fairly among the online agents (25 ± 1 each), never to an away agent,
 * and each customer is acknowledged once. Both servers take turns from the same cursor, so neither
 * may hand out a "next agent" the other has just used.
 */
@ExtendWith(FaultDrillExtension.class)
@Order(7)
class AssignmentDrill {

  private static final int ONLINE_AGENTS = 4;
  private static final int MAILS = 50;
  private static final int CHATS = 50;
  private static final String PASSWORD = "Drill-Agent-2026!";

  @Test
  @DisplayName(
      "100 tickets at once over both channels on two servers: each of four online agents gets 25 ± 1, the away agent none, every customer one acknowledgement")
  void fairAcrossServers(DrillEnvironment env) throws Exception {
    Api adminA = env.admin(env.a());
    Api adminB = env.admin(env.b());
    List<String> cleanup = new ArrayList<>();
    List<String> ourAgents = new ArrayList<>();
    Map<String, String> othersOnline = new HashMap<>();
    try (CloudApiStandIn cloud = new CloudApiStandIn();
        MailServer mail = MailServer.start()) {
      // Arrange: nobody else online (earlier drills may leave agents at the desk), four online
      // agents and one away, round robin without a cap, both channels acknowledging new tickets.
      for (JsonValue v : adminA.get("agents").json().asJsonArray()) {
        JsonObject a = v.asJsonObject();
        if ("online".equals(a.getString("availability"))) {
          othersOnline.put(a.getString("username"), "online");
          availability(adminA, a.getString("username"), "offline");
        }
      }
      String run = UUID.randomUUID().toString().substring(0, 6);
      List<String> online = new ArrayList<>();
      for (int i = 0; i < ONLINE_AGENTS; i++) {
        online.add(agent(adminA, "turn" + i + "-" + run));
      }
      String away = agent(adminA, "away-" + run);
      ourAgents.addAll(online);
      ourAgents.add(away);
      for (String username : online) {
        availability(adminA, username, "online");
      }
      availability(adminA, away, "away");
      Api.Response mode =
          adminA.send("PUT", "settings/assignment", "{\"mode\":\"round_robin\"}", Map.of());
      assertEquals(200, mode.status(), mode::toString);

      String mailbox = "turns-" + run + "@example.com";
      mail.addMailbox(mailbox, "drill-secret");
      long mailboxId = Deliveries.newMailbox(adminA, mailbox, mail.imapPort(), mail.smtpPort(), 5);
      cleanup.add("channels/" + mailboxId);
      WhatsAppNumber number = Deliveries.newNumber(adminA, cloud.baseUrl());
      cleanup.add("channels/" + number.id());
      for (long channel : List.of(mailboxId, number.id())) {
        Api.Response ack =
            adminA.send(
                "PUT",
                "channels/" + channel + "/auto-acknowledge",
                "{\"enabled\":true,\"text\":\"Recibido: ticket #{{ticket.number}}\"}",
                Map.of());
        assertEquals(200, ack.status(), ack::toString);
      }

      // Act: 50 customers mail the mailbox both servers poll (forced polls on both, at once) while
      // 50 others write on WhatsApp, each delivery posted to both servers at the same time.
      List<String> mailCustomers = new ArrayList<>();
      for (int i = 0; i < MAILS; i++) {
        String customer = "cliente" + i + "-" + run + "@example.org";
        mailCustomers.add(customer);
        mail.deliver(
            mailbox,
            Deliveries.mail(Deliveries.newMessageId(), customer, mailbox, "Pedido " + i, "Hola"));
      }
      List<String> waIds = new ArrayList<>();
      List<String> payloads = new ArrayList<>();
      long now = Instant.now().getEpochSecond();
      for (int i = 0; i < CHATS; i++) {
        String waId = Deliveries.newWaId();
        waIds.add(waId);
        payloads.add(
            Deliveries.textMessage(
                number, waId, "Cliente " + i, Deliveries.newWamid(), now, "Hola " + i));
      }
      Instant started = Instant.now();
      ExecutorService pool = Executors.newFixedThreadPool(12);
      List<Future<Integer>> answers = new ArrayList<>();
      answers.add(pool.submit(() -> adminA.post("channels/" + mailboxId + "/poll", null).status()));
      answers.add(pool.submit(() -> adminB.post("channels/" + mailboxId + "/poll", null).status()));
      for (String payload : payloads) {
        answers.add(pool.submit(() -> Deliveries.post(env.a().baseUrl(), number, payload)));
        answers.add(pool.submit(() -> Deliveries.post(env.b().baseUrl(), number, payload)));
      }
      for (Future<Integer> answer : answers) {
        int status = answer.get();
        assertTrue(status >= 200 && status < 300, "every delivery and poll is accepted: " + status);
      }
      pool.shutdown();

      List<String> contacts = new ArrayList<>(mailCustomers);
      waIds.forEach(w -> contacts.add("+" + w));
      assertTrue(
          DrillEnvironment.await(
              Duration.ofSeconds(120),
              () ->
                  env.countsBy(Queries.TICKETS_PER_CONTACT, contacts).size() == contacts.size()
                      && env.count(Queries.UNASSIGNED_OF_CHANNELS, mailboxId, number.id()) == 0),
          "every customer has a ticket and every ticket an agent");
      env.figure(
          "assignment drill: 100 tickets opened and assigned on two servers",
          Duration.between(started, Instant.now()));

      // Assert: one ticket per customer, fair turns, nothing for the away agent.
      env.countsBy(Queries.TICKETS_PER_CONTACT, contacts)
          .forEach((c, n) -> assertEquals(1L, n, "customer " + c + " has one ticket"));
      Map<String, Long> perAgent = new HashMap<>();
      for (Object[] row : env.query(Queries.ASSIGNED_PER_AGENT, mailboxId, number.id())) {
        perAgent.put((String) row[0], ((Number) row[1]).longValue());
      }
      env.figure("assignment drill: tickets per agent", perAgent.toString());
      assertEquals(
          java.util.Set.copyOf(online), perAgent.keySet(), "only the online agents hold tickets");
      long total = MAILS + CHATS;
      for (String username : online) {
        long held = perAgent.get(username);
        assertTrue(
            Math.abs(held - total / ONLINE_AGENTS) <= 1,
            username + " holds " + held + ", expected 25 ± 1: " + perAgent);
      }

      // One acknowledgement per customer, in the database and on the wire.
      assertTrue(
          DrillEnvironment.await(
              Duration.ofSeconds(60),
              () ->
                  env.countsBy(Queries.ACKNOWLEDGEMENTS_PER_CONTACT, contacts).size()
                      == contacts.size()),
          "every customer is acknowledged");
      env.countsBy(Queries.ACKNOWLEDGEMENTS_PER_CONTACT, contacts)
          .forEach((c, n) -> assertEquals(1L, n, "customer " + c + " acknowledged once"));
      for (String customer : mailCustomers) {
        assertEquals(
            1, mail.received(customer, 1, Duration.ofSeconds(30)).length, "mail to " + customer);
      }
      assertTrue(
          DrillEnvironment.await(
              Duration.ofSeconds(30), () -> waIds.stream().allMatch(w -> sentTo(cloud, w) >= 1)),
          "every WhatsApp customer gets the acknowledgement");
      ServerProcess.sleep(2_000); // a second acknowledgement would have gone out by now
      for (String customer : mailCustomers) {
        assertEquals(1, mail.received(customer, 2, Duration.ZERO).length, "once to " + customer);
      }
      for (String waId : waIds) {
        assertEquals(1, sentTo(cloud, waId), "one WhatsApp acknowledgement to " + waId);
      }
    } finally {
      adminA.send("PUT", "settings/assignment", "{\"mode\":\"off\"}", Map.of());
      for (String username : ourAgents) {
        availability(adminA, username, "offline");
      }
      othersOnline.forEach((username, was) -> availability(adminA, username, was));
      env.delete(cleanup);
    }
  }

  private static long sentTo(CloudApiStandIn cloud, String waId) {
    return cloud.requests("/messages").stream()
        .filter(r -> "POST".equals(r.method()) && r.body() != null && r.body().contains(waId))
        .count();
  }

  private static String agent(Api admin, String username) {
    Api.Response created =
        admin.post(
            "agents",
            """
            {"username":"%s","displayName":"%s","email":"%s@example.com","password":"%s","role":"agent"}"""
                .formatted(username, username, username, PASSWORD));
    assertEquals(201, created.status(), created::toString);
    return username;
  }

  private static void availability(Api admin, String username, String availability) {
    Api.Response changed =
        admin.patch("agents/" + username, "{\"availability\":\"" + availability + "\"}", Map.of());
    assertEquals(200, changed.status(), changed::toString);
  }
}
