package org.ventanilla.it;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Dovecot and Postfix as {@code .ci/mail-servers.sh} starts them: mail goes in through
 * Postfix's SMTP (which delivers the test domain to Dovecot by LMTP) and is read from Dovecot's
 * IMAP. Found by the system properties the ear pom passes ({@code it.dovecot}, {@code it.postfix},
 * {@code it.mail.dir}); where they are absent the tests are skipped, unless {@code
 * it.mail.servers.required} is true (CI), where they fail.
 */
final class DovecotPostfix {

  private final String host;
  private final int imapPort;
  private final int smtpPort;
  private final Path dir;
  private final String domain;
  private final String password;

  private DovecotPostfix(
      String host, int imapPort, int smtpPort, Path dir, String domain, String password) {
    this.host = host;
    this.imapPort = imapPort;
    this.smtpPort = smtpPort;
    this.dir = dir;
    this.domain = domain;
    this.password = password;
  }

  /** The servers of this machine, or the test skipped (failed in CI) when there are none. */
  static DovecotPostfix fromSystem() {
    String dovecot = System.getProperty("it.dovecot", "");
    String postfix = System.getProperty("it.postfix", "");
    String dir = System.getProperty("it.mail.dir", "");
    boolean required = Boolean.getBoolean("it.mail.servers.required");
    String missing =
        "Dovecot and Postfix are not running for the tests: start them with"
            + " `.ci/mail-servers.sh start` and export what `.ci/mail-servers.sh env` prints"
            + " (.ci/run does both)";
    if (absent(dovecot) || absent(postfix) || absent(dir)) {
      if (required) {
        fail(missing + " — required here (it.mail.servers.required=true)");
      }
      Assumptions.abort(missing);
    }
    String[] imap = dovecot.split(":");
    String[] smtp = postfix.split(":");
    DovecotPostfix servers =
        new DovecotPostfix(
            imap[0],
            Integer.parseInt(imap[1]),
            Integer.parseInt(smtp[1]),
            Path.of(dir),
            System.getProperty("it.mail.domain", "ventanilla.test"),
            System.getProperty("it.mail.password", "buzon-secreto"));
    if (!listening(servers.imapPort) || !listening(servers.smtpPort)) {
      fail(
          "it.dovecot="
              + dovecot
              + " and it.postfix="
              + postfix
              + " are given but nothing listens there: `.ci/mail-servers.sh status`");
    }
    return servers;
  }

  /** Not given (Maven leaves an unset ${env.X} as it is). */
  private static boolean absent(String value) {
    return value.isBlank() || value.contains("${");
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  int imapPort() {
    return imapPort;
  }

  int smtpPort() {
    return smtpPort;
  }

  String password() {
    return password;
  }

  /** A fresh address of the test domain: Dovecot gives every one a mailbox of its own. */
  String newAddress(String prefix) {
    return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
  }

  /** Sends a raw mail to {@code to} through Postfix, exactly as written (Message-ID kept). */
  void send(String to, String raw) {
    send(to, raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  void send(String to, byte[] raw) {
    Properties props = new Properties();
    props.put("mail.smtp.host", host);
    props.put("mail.smtp.port", String.valueOf(smtpPort));
    props.put("mail.smtp.from", "sender@" + domain);
    Session session = Session.getInstance(props);
    try (Transport transport = session.getTransport("smtp")) {
      MimeMessage mime = new MimeMessage(session, new ByteArrayInputStream(raw));
      transport.connect();
      // sendMessage, not Transport.send: that one would rewrite the Message-ID.
      transport.sendMessage(mime, new Address[] {new InternetAddress(to)});
    } catch (MessagingException e) {
      throw new IllegalStateException("Postfix refused the mail: " + e.getMessage(), e);
    }
  }

  /** The mails in an address's Dovecot INBOX, waiting up to the deadline for {@code count}. */
  List<MimeMessage> inbox(String address, int count, Duration deadline)
      throws MessagingException, InterruptedException {
    Instant end = Instant.now().plus(deadline);
    while (true) {
      List<MimeMessage> all = new ArrayList<>();
      try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
        store.connect(host, imapPort, address, password);
        Folder inbox = store.getFolder("INBOX");
        if (inbox.exists()) {
          inbox.open(Folder.READ_ONLY);
          for (Message message : inbox.getMessages()) {
            all.add(new MimeMessage((MimeMessage) message));
          }
          inbox.close(false);
        }
      }
      if (all.size() >= count || Instant.now().isAfter(end)) {
        return all;
      }
      Thread.sleep(200);
    }
  }

  /** Once {@code count} mails are there, reads them in another IMAP client: all \Seen. */
  void readInAnotherClient(String address, int count) throws Exception {
    inbox(address, count, Duration.ofSeconds(20));
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect(host, imapPort, address, password);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      for (Message message : inbox.getMessages()) {
        message.setFlag(Flags.Flag.SEEN, true);
      }
      inbox.close(false);
    }
  }

  long uidValidity(String address) throws MessagingException {
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect(host, imapPort, address, password);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      long validity = ((jakarta.mail.UIDFolder) inbox).getUIDValidity();
      inbox.close(false);
      return validity;
    }
  }

  /** Gives the address's INBOX a new UIDVALIDITY, as a rebuilt index on a real server does. */
  void changeUidValidity(String address, long validity) throws Exception {
    run(
        "doveadm",
        "-c",
        dovecotConf().toString(),
        "mailbox",
        "update",
        "-u",
        address,
        "--uid-validity",
        String.valueOf(validity),
        "INBOX");
  }

  /** Stops Dovecot by the pid in its base dir, and waits until it is gone. */
  void stopDovecot() throws Exception {
    long pid = Long.parseLong(Files.readString(dir.resolve("dovecot/run/master.pid")).trim());
    ProcessHandle master =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no Dovecot " + pid));
    master.destroy();
    master.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
    Eventually.await(
        "Dovecot's IMAP port closed",
        () -> listening(imapPort) ? java.util.Optional.empty() : java.util.Optional.of(true),
        Duration.ofSeconds(10));
  }

  /** Starts Dovecot again with the same configuration (mailboxes and indexes untouched). */
  void startDovecot() throws Exception {
    run("dovecot", "-c", dovecotConf().toString());
    Eventually.await(
        "Dovecot's IMAP port open",
        () -> listening(imapPort) ? java.util.Optional.of(true) : java.util.Optional.empty(),
        Duration.ofSeconds(20));
  }

  private Path dovecotConf() {
    return dir.resolve("dovecot/dovecot.conf");
  }

  /**
   * Runs a command to its end; its output goes to a file, not a pipe: Dovecot's master keeps the
   * descriptors it was started with, and a pipe would never close.
   */
  private void run(String... command) throws Exception {
    Path output = Files.createTempFile(dir, "command", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed: " + Files.readString(output));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
