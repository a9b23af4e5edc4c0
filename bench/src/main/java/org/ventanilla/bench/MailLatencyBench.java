package org.ventanilla.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Mail latency, from the customer's SMTP submission to a GreenMail mailbox (which offers IDLE)
 * until the mail is a message on its ticket, one mail at a time; p50 and p99. With IMAP IDLE the
 * mailbox is polled hourly (so only IDLE brings mail); the polling figure beside it has IDLE off
 * and the shortest poll interval (5 s).
 *
 * <p>Alone: {@code mvn -pl bench exec:java -Dbench.main=org.ventanilla.bench.MailLatencyBench
 * -Dexec.args="--url http://localhost:8080 --password ADMIN_PASSWORD [--count 50]"}.
 */
final class MailLatencyBench {

  private MailLatencyBench() {}

  public static void main(String[] args) throws Exception {
    String url = Bench.arg(args, "--url", "http://localhost:8080");
    String password = Bench.arg(args, "--password", System.getenv("VENTANILLA_ADMIN_PASSWORD"));
    int count = Integer.parseInt(Bench.arg(args, "--count", "50"));
    Client client = new Client(url, password);
    System.out.println(idle(client, count));
    System.out.println(poll(client, count));
  }

  /** IMAP IDLE, hourly polls: {@code mail_latency_idle_ms}. */
  static Result idle(Client client, int count) throws Exception {
    return measure(client, count, true);
  }

  /** IDLE off, a poll every 5 s: {@code mail_latency_poll_ms}. */
  static Result poll(Client client, int count) throws Exception {
    return measure(client, count, false);
  }

  private static Result measure(Client client, int count, boolean idle) throws Exception {
    GreenMail greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    greenMail.start();
    try {
      String mode = idle ? "idle" : "poll";
      String mailbox = mode + "-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.test";
      greenMail.setUser(mailbox, mailbox, "bench-secret");
      int smtpPort = greenMail.getSmtp().getPort();
      var channel =
          client.post(
              "channels",
              """
              {"type":"email","name":"Bench %s","address":"%s","pollSeconds":%d,
               "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"bench-secret","idle":%b},
               "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                  .formatted(
                      mode,
                      mailbox,
                      idle ? 3600 : 5,
                      greenMail.getImap().getPort(),
                      mailbox,
                      idle,
                      smtpPort));
      long id = channel.getJsonNumber("id").longValue();
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!mode.equals(client.get("channels/" + id).getJsonObject("health").getString("mode"))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("The mailbox never reported mode " + mode);
        }
        Thread.sleep(200);
      }
      Properties props = new Properties();
      props.setProperty("mail.smtp.host", "127.0.0.1");
      props.setProperty("mail.smtp.port", String.valueOf(smtpPort));
      Session session = Session.getInstance(props);
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String customer =
            mode + "-cliente-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.test";
        MimeMessage mail = new MimeMessage(session);
        mail.setFrom(new InternetAddress(customer));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(mailbox));
        mail.setSubject("Consulta " + i, "UTF-8");
        mail.setText("Hola, ¿podéis ayudarme?", "UTF-8");
        long sent = System.nanoTime();
        Transport.send(mail);
        while (!hasTicket(client, customer)) {
          if (System.nanoTime() - sent > 60_000_000_000L) {
            throw new IllegalStateException("Mail " + i + " not on a ticket after 60 s");
          }
          Thread.sleep(20);
        }
        millis.add((System.nanoTime() - sent) / 1_000_000);
      }
      Collections.sort(millis);
      long p50 = millis.get(millis.size() / 2);
      long p99 = millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.99) - 1));
      return new Result(
          "mail_latency_" + mode + "_ms",
          p50,
          "ms",
          null,
          null,
          "p50 "
              + p50
              + " ms, p99 "
              + p99
              + " ms, max "
              + millis.get(millis.size() - 1)
              + " ms: "
              + count
              + " mails from SMTP submission to the message on its ticket, "
              + (idle ? "IMAP IDLE, hourly poll" : "IDLE off, a poll every 5 s"));
    } finally {
      greenMail.stop();
    }
  }

  private static boolean hasTicket(Client client, String customer) throws Exception {
    var customers = client.get("customers?q=" + customer).getJsonArray("items");
    return !customers.isEmpty()
        && !client
            .get("customers/" + customers.getJsonObject(0).getJsonNumber("id").longValue())
            .getJsonArray("tickets")
            .isEmpty();
  }
}
