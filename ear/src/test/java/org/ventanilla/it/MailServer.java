package org.ventanilla.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

/**
 * A real IMAP and SMTP server (GreenMail) on loopback, on free ports, for the mail tests: the
 * application polls it and sends through it exactly as it would with any mail provider.
 */
public final class MailServer implements AutoCloseable {

  private final GreenMail greenMail;

  private MailServer(int smtpPort, int imapPort) {
    greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    greenMail.start();
  }

  public static MailServer start() {
    return new MailServer(0, 0);
  }

  /** A server on the ports a stopped one had: the same mailbox "comes back". */
  public static MailServer startOn(int smtpPort, int imapPort) {
    return new MailServer(smtpPort, imapPort);
  }

  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  public int imapPort() {
    return greenMail.getImap().getPort();
  }

  public void addMailbox(String address, String password) {
    greenMail.setUser(address, address, password);
  }

  /** Puts a raw mail straight into a mailbox, as the mail provider would. */
  public void deliver(String mailbox, byte[] raw) {
    try {
      MimeMessage mime =
          new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
      greenMail.getUserManager().getUser(mailbox).deliver(mime);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void deliver(String mailbox, String raw) {
    deliver(
        mailbox,
        raw.replace("\r\n", "\n")
            .replace("\n", "\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static byte[] sample(String name) throws IOException {
    return Files.readAllBytes(Path.of(System.getProperty("it.mail.samples"), name));
  }

  /** Mail that arrived for an address, waiting up to the deadline for {@code count} of them. */
  public MimeMessage[] received(String address, int count, Duration deadline)
      throws InterruptedException {
    Instant end = Instant.now().plus(deadline);
    while (true) {
      MimeMessage[] all =
          java.util.Arrays.stream(greenMail.getReceivedMessages())
              .filter(m -> addressedTo(m, address))
              .toArray(MimeMessage[]::new);
      if (all.length >= count || Instant.now().isAfter(end)) {
        return all;
      }
      Thread.sleep(200);
    }
  }

  private static boolean addressedTo(MimeMessage message, String address) {
    try {
      var to = message.getRecipients(Message.RecipientType.TO);
      return to != null
          && java.util.Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }

  /** Reads the mailbox in another IMAP client, which marks every mail \\Seen. */
  public void readInAnotherClient(String mailbox, String password)
      throws jakarta.mail.MessagingException {
    Properties props = new Properties();
    try (jakarta.mail.Store store = Session.getInstance(props).getStore("imap")) {
      store.connect("127.0.0.1", imapPort(), mailbox, password);
      jakarta.mail.Folder inbox = store.getFolder("INBOX");
      inbox.open(jakarta.mail.Folder.READ_WRITE);
      for (Message message : inbox.getMessages()) {
        message.setFlag(jakarta.mail.Flags.Flag.SEEN, true);
      }
      inbox.close(false);
    }
  }

  public GreenMail greenMail() {
    return greenMail;
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
