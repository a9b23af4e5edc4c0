package org.ventanilla.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

/**
 * Mail ingest: a GreenMail mailbox on loopback holding N mails; the server polls it until every
 * mail is a message on a ticket. Baseline: fetching the same mails with Jakarta Mail alone.
 */
final class EmailIngestBench {

  private EmailIngestBench() {}

  static Result run(Client client, int mails) throws Exception {
    GreenMail greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    greenMail.start();
    try {
      String mailbox = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@bench.test";
      greenMail.setUser(mailbox, mailbox, "bench-secret");
      var user = greenMail.getUserManager().getUser(mailbox);
      Session session = Session.getInstance(new Properties());
      for (int i = 0; i < mails; i++) {
        String raw =
            "Message-ID: <bench-"
                + i
                + "-"
                + UUID.randomUUID()
                + "@bench.test>\r\n"
                + "From: Cliente "
                + (i % 200)
                + " <cliente"
                + (i % 200)
                + "@bench.test>\r\n"
                + "To: "
                + mailbox
                + "\r\nSubject: =?UTF-8?Q?Consulta_n=C2=BA_"
                + i
                + "?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hola, esta es la consulta número "
                + i
                + ". ¿Podéis ayudarme?\r\n".repeat(5);
        user.deliver(
            new MimeMessage(
                session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
      }
      int imapPort = greenMail.getImap().getPort();
      double baseline = rawFetchRate(imapPort, mailbox, mails);

      var channel =
          client.post(
              "channels",
              """
              {"type":"email","name":"Bench","address":"%s","pollSeconds":3600,
               "imap":{"host":"127.0.0.1","port":%d,"security":"none","username":"%s","password":"bench-secret"},
               "smtp":{"host":"127.0.0.1","port":%d,"security":"none"}}"""
                  .formatted(mailbox, imapPort, mailbox, greenMail.getSmtp().getPort()));
      long id = channel.getJsonNumber("id").longValue();
      long start = System.nanoTime();
      long fetched = 0;
      while (fetched < mails) {
        client.post("channels/" + id + "/poll", null);
        fetched =
            client
                .get("channels/" + id)
                .getJsonObject("health")
                .getJsonNumber("fetchedCount")
                .longValue();
        if (System.nanoTime() - start > 30L * 60 * 1_000_000_000) {
          throw new IllegalStateException(
              "Ingest did not finish in 30 minutes: " + fetched + " of " + mails);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      client.post("channels/" + id + "/poll", null);
      return new Result(
          "email_ingest",
          mails / seconds,
          "mails/s",
          baseline,
          "imap_fetch_limit",
          mails
              + " mails, each stored as a message on a ticket ("
              + String.format("%.1f", seconds)
              + " s)");
    } finally {
      greenMail.stop();
    }
  }

  /** The mailbox's own limit: every mail fetched whole with BODY.PEEK[], nothing stored. */
  private static double rawFetchRate(int port, String mailbox, int expected) throws Exception {
    Properties props = new Properties();
    props.setProperty("mail.imap.peek", "true");
    props.setProperty("mail.imap.fetchsize", String.valueOf(256 * 1024));
    long start = System.nanoTime();
    int count = 0;
    try (Store store = Session.getInstance(props).getStore("imap")) {
      store.connect("127.0.0.1", port, mailbox, "bench-secret");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] messages = ((UIDFolder) inbox).getMessagesByUID(1, UIDFolder.MAXUID);
      FetchProfile profile = new FetchProfile();
      profile.add(UIDFolder.FetchProfileItem.UID);
      profile.add(FetchProfile.Item.SIZE);
      inbox.fetch(messages, profile);
      // As the server does it: whole mails in batches of 50, one IMAP command each.
      for (int from = 0; from < messages.length; from += 50) {
        Message[] batch =
            java.util.Arrays.copyOfRange(messages, from, Math.min(from + 50, messages.length));
        FetchProfile whole = new FetchProfile();
        whole.add(org.eclipse.angus.mail.imap.IMAPFolder.FetchProfileItem.MESSAGE);
        inbox.fetch(batch, whole);
        for (Message message : batch) {
          message.writeTo(OutputStream.nullOutputStream());
          count++;
        }
      }
      inbox.close(false);
    }
    if (count != expected) {
      throw new IllegalStateException("Fetched " + count + " of " + expected);
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }
}
