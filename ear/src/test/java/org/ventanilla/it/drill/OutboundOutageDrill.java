package org.ventanilla.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ventanilla.it.Api;
import org.ventanilla.it.CloudApiStandIn;
import org.ventanilla.it.CloudApiStandIn.WhatsAppNumber;
import org.ventanilla.it.MailServer;

/**
 * The mail server and the Cloud API fail in each of the ways they do (a refused connection, a
 * temporary refusal — SMTP 421, HTTP 503 —, and a server that accepts the connection and then says
 * nothing until the client's timeout), while agents reply from both servers. The replies must wait
 * in the outbox and go out once the far side recovers, each exactly once.
 */
@ExtendWith(FaultDrillExtension.class)
@Order(4)
class OutboundOutageDrill {

  private static final String SMTP_421 = "421 4.3.2 Service not available, try again later\r\n";

  /** A ticket on a channel whose far side the drill breaks, and the replies written on it. */
  private record Line(
      String name, long ticketId, Runnable breakIt, Runnable recover, String target) {}

  /** A reply and where it must arrive. */
  private record Reply(Line line, long messageId, String text) {}

  @Test
  @DisplayName(
      "replies wait in the outbox while the mail server or the Cloud API refuses, fails or hangs, and go out once each when they recover")
  void repliesWaitAndGoOutOnce(DrillEnvironment env) throws Exception {
    Api adminA = env.admin(env.a());
    Api adminB = env.admin(env.b());
    List<String> cleanup = new ArrayList<>();
    List<FaultyPort> ports = new ArrayList<>();
    try (CloudApiStandIn cloud = new CloudApiStandIn();
        MailServer mail = MailServer.start()) {
      int cloudPort = Integer.parseInt(cloud.baseUrl().replaceAll(".*:", ""));

      // Arrange: a ticket on each faulty line, made the way customers make them.
      List<Line> quick = new ArrayList<>();
      List<Line> hanging = new ArrayList<>();
      for (String fault : List.of("refuse", "421", "stall")) {
        FaultyPort smtp = new FaultyPort(mail.smtpPort());
        ports.add(smtp);
        String mailbox =
            "out-" + fault + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        mail.addMailbox(mailbox, "drill-secret");
        long mailboxId = Deliveries.newMailbox(adminA, mailbox, mail.imapPort(), smtp.port(), 3600);
        cleanup.add("channels/" + mailboxId);
        String customer =
            "cliente-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String messageId = Deliveries.newMessageId();
        mail.deliver(
            mailbox, Deliveries.mail(messageId, customer, mailbox, "Ayuda " + fault, "Hola"));
        assertTrue(
            DrillEnvironment.await(
                Duration.ofSeconds(30),
                () -> {
                  adminA.post("channels/" + mailboxId + "/poll", null);
                  return !env.query(Queries.TICKET_OF_MESSAGE, messageId).isEmpty();
                }),
            "the customer's mail makes a ticket");
        long ticketId = ticketOf(env, messageId);
        Runnable breakIt =
            switch (fault) {
              case "refuse" -> smtp::refuse;
              case "421" -> () -> smtp.answer(SMTP_421);
              default -> smtp::stall;
            };
        Line line = new Line("SMTP " + fault, ticketId, breakIt, smtp::forward, customer);
        (fault.equals("stall") ? hanging : quick).add(line);
      }
      for (String fault : List.of("refuse", "503", "stall")) {
        FaultyPort api = new FaultyPort(cloudPort);
        ports.add(api);
        WhatsAppNumber number =
            Deliveries.newNumber(
                adminA, fault.equals("503") ? cloud.baseUrl() : "http://127.0.0.1:" + api.port());
        cleanup.add("channels/" + number.id());
        String waId = Deliveries.newWaId();
        String wamid = Deliveries.newWamid();
        assertEquals(
            200,
            Deliveries.post(
                env.b().baseUrl(),
                number,
                Deliveries.textMessage(
                    number, waId, "Cliente", wamid, Instant.now().getEpochSecond(), "Hola")));
        assertTrue(
            DrillEnvironment.await(
                Duration.ofSeconds(30),
                () -> !env.query(Queries.TICKET_OF_MESSAGE, wamid).isEmpty()),
            "the customer's message makes a ticket");
        long ticketId = ticketOf(env, wamid);
        Runnable breakIt =
            switch (fault) {
              case "refuse" -> api::refuse;
              case "503" ->
                  () ->
                      cloud.outage(
                          number.phoneNumberId(),
                          new CloudApiStandIn.Answer(
                              503, CloudApiStandIn.error(131016, "Service unavailable")));
              default -> api::stall;
            };
        Runnable recover =
            fault.equals("503") ? () -> cloud.recover(number.phoneNumberId()) : api::forward;
        Line line =
            new Line("Cloud API " + fault, ticketId, breakIt, recover, number.phoneNumberId());
        (fault.equals("stall") ? hanging : quick).add(line);
      }

      // Act and assert, first for the quick failures, then for the hanging servers (whose
      // attempts each take a whole client timeout).
      Instant quickBegin = Instant.now();
      outageAndRecovery(env, mail, cloud, quick, 2, List.of(adminA, adminB));
      env.figure(
          "outbound drill: refused / 421 / 503, from first reply to all sent once",
          Duration.between(quickBegin, Instant.now()));
      Instant hangingBegin = Instant.now();
      outageAndRecovery(env, mail, cloud, hanging, 1, List.of(adminA, adminB));
      env.figure(
          "outbound drill: hanging servers, from first reply to all sent once",
          Duration.between(hangingBegin, Instant.now()));
    } finally {
      ports.forEach(FaultyPort::close);
      env.delete(cleanup);
    }
  }

  /**
   * Breaks every line, writes {@code repliesEach} replies on each (from both servers in turn),
   * recovers each line once every reply on it has failed an attempt and nothing has arrived, and
   * checks that every reply then arrives exactly once.
   */
  private static void outageAndRecovery(
      DrillEnvironment env,
      MailServer mail,
      CloudApiStandIn cloud,
      List<Line> lines,
      int repliesEach,
      List<Api> servers)
      throws Exception {
    lines.forEach(l -> l.breakIt().run());
    List<Reply> replies = new ArrayList<>();
    int n = 0;
    for (Line line : lines) {
      for (int i = 0; i < repliesEach; i++) {
        String text = "Respuesta " + UUID.randomUUID();
        Api.Response sent =
            servers
                .get(n++ % servers.size())
                .post("tickets/" + line.ticketId() + "/replies", "{\"text\":\"" + text + "\"}");
        assertEquals(201, sent.status(), sent::toString);
        replies.add(new Reply(line, sent.object().getJsonNumber("id").longValue(), text));
      }
    }
    // Each line recovers as soon as every reply on it has failed once, and not before.
    Instant begin = Instant.now();
    java.util.Set<Line> broken = new java.util.LinkedHashSet<>(lines);
    assertTrue(
        DrillEnvironment.await(
            Duration.ofSeconds(150),
            () -> {
              for (Line line : List.copyOf(broken)) {
                List<Reply> onLine = replies.stream().filter(r -> r.line() == line).toList();
                if (onLine.stream().allMatch(r -> failedOnce(env, r.messageId()))) {
                  for (Reply reply : onLine) {
                    assertEquals(
                        0, arrivals(mail, cloud, reply), line.name() + ": nothing arrived");
                  }
                  line.recover().run();
                  broken.remove(line);
                }
              }
              return broken.isEmpty();
            }),
        () -> "every reply's first attempt fails: " + states(env, replies));
    Instant recovered = Instant.now();
    env.figure(
        "outbound drill: " + lines.stream().map(Line::name).toList() + " failed once each within",
        Duration.between(begin, recovered));
    assertTrue(
        DrillEnvironment.await(
            Duration.ofSeconds(90),
            () -> replies.stream().allMatch(r -> "SENT".equals(outbox(env, r.messageId())[0]))),
        () -> "every reply goes out after the recovery: " + states(env, replies));
    env.figure(
        "outbound drill: "
            + lines.stream().map(Line::name).toList()
            + " all sent, after the last recovery, in",
        Duration.between(recovered, Instant.now()));
    ServerProcess.sleep(2_000); // a late duplicate from the other server would show by now
    for (Reply reply : replies) {
      assertEquals(1, arrivals(mail, cloud, reply), reply.line().name() + ": arrived exactly once");
      assertEquals(
          "SENT",
          env.query("SELECT delivery_status FROM message WHERE id = ?", reply.messageId())
              .get(0)[0]);
    }
  }

  private static long ticketOf(DrillEnvironment env, String externalId) {
    return ((Number) env.query(Queries.TICKET_OF_MESSAGE, externalId).get(0)[0]).longValue();
  }

  private static Object[] outbox(DrillEnvironment env, long messageId) {
    List<Object[]> rows = env.query(Queries.OUTBOX_OF_MESSAGE, messageId);
    return rows.isEmpty() ? new Object[] {null, 0, null} : rows.get(0);
  }

  /** Tried and failed at least once, and still waiting in the outbox (or being tried again). */
  private static boolean failedOnce(DrillEnvironment env, long messageId) {
    Object[] row = outbox(env, messageId);
    return ("PENDING".equals(row[0]) || "SENDING".equals(row[0])) && row[2] != null;
  }

  private static String states(DrillEnvironment env, List<Reply> replies) {
    return replies.stream()
        .map(r -> r.line().name() + "=" + Arrays.toString(outbox(env, r.messageId())))
        .toList()
        .toString();
  }

  /** How many times the reply reached its far side: mails received, or messages the API took. */
  private static long arrivals(MailServer mail, CloudApiStandIn cloud, Reply reply) {
    if (reply.line().name().startsWith("SMTP")) {
      return Arrays.stream(mail.greenMail().getReceivedMessages())
          .filter(m -> GreenMailUtil.getBody(m).contains(reply.text()))
          .count();
    }
    return cloud.requests("/" + reply.line().target() + "/messages").stream()
        .filter(r -> r.status() == 200 && r.body().contains(reply.text()))
        .count();
  }
}
