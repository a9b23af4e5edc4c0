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
 * Mail latency with IMAP IDLE: each mail submitted by SMTP to a GreenMail mailbox (which offers
 * IDLE) until it is a message on its ticket, one at a time, the mailbox polled hourly; p50 and p99.
 */
final class MailLatencyBench {

  private MailLatencyBench() {}

  static Result idle(Client client, int count) throws Exception {
    GreenMail greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    greenMail.start();
    try {
      String mailbox = "idle-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.test";
      greenMail.setUser(mailbox, mailbox, "bench-secret");
      int smtpPort = greenMail.getSmtp().getPort();
      var channel =
          client.post(
              "channels",
              """
              {"type":"email","name":"Bench IDLE","address":"%s","pollSeconds":3600,
               "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"bench-secret"},
               "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                  .formatted(mailbox, greenMail.getImap().getPort(), mailbox, smtpPort));
      long id = channel.getJsonNumber("id").longValue();
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!"idle"
          .equals(client.get("channels/" + id).getJsonObject("health").getString("mode"))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("The mailbox never went into IDLE");
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
            "idle-cliente-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.test";
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
          "mail_latency_idle_ms",
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
              + " mails from SMTP submission to the message on its ticket, IMAP IDLE, hourly poll");
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
