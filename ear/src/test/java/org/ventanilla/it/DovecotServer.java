package org.ventanilla.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Dovecot of the test's own (Debian's {@code dovecot-imapd}), IMAP on a free loopback port:
 * mailboxes sign in with XOAUTH2, checked by its {@code oauth2} passdb against an authorization
 * server's introspection endpoint, or with a password (a passwd-file). Mail is delivered by writing
 * it into the mailbox's Maildir, as a local delivery agent does. Its own config, base and mail
 * directories in a temporary directory; stopped by its own process.
 *
 * <p>Found through {@code -Dit.dovecot.binary=/path/to/dovecot}, else {@code /usr/sbin/dovecot}.
 * Absent, the tests that need it are skipped, unless {@code -Dit.dovecot.required=true} (CI) makes
 * that a failure.
 */
public final class DovecotServer implements AutoCloseable {

  private static final int NOBODY = 65534;

  private final Path dir;
  private final int port;
  private final Process process;
  private final boolean root;

  private DovecotServer(Path binary, String introspectionUrl) throws IOException {
    dir = Files.createTempDirectory("dovecot-it-");
    // Dovecot's own users (dovecot, nobody) read the passwd file and the mail below it.
    Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    port = freePort();
    root = "root".equals(System.getProperty("user.name"));
    Files.createDirectories(dir.resolve("run"));
    Files.createDirectories(dir.resolve("mail"));
    Files.writeString(dir.resolve("passwd"), "", StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("oauth2.conf.ext"),
        """
        introspection_mode = post
        introspection_url = %s
        force_introspection = yes
        username_attribute = username
        active_attribute = active
        active_value = true
        """
            .formatted(introspectionUrl));
    String user = System.getProperty("user.name");
    Files.writeString(
        dir.resolve("dovecot.conf"),
        """
        base_dir = %1$s/run
        state_dir = %1$s/run
        instance_name = dovecot-it-%2$d
        protocols = imap
        listen = 127.0.0.1
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login xoauth2 oauthbearer
        log_path = %1$s/dovecot.log
        auth_verbose = yes
        default_internal_user = %3$s
        default_login_user = %4$s
        first_valid_uid = %5$d
        mail_location = maildir:%1$s/mail/%%u
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = %2$d
          }
          inet_listener imaps {
            port = 0
          }
          chroot =
        }
        service anvil {
          chroot =
        }
        passdb {
          driver = oauth2
          mechanisms = xoauth2 oauthbearer
          args = %1$s/oauth2.conf.ext
        }
        passdb {
          driver = passwd-file
          mechanisms = plain login
          args = scheme=PLAIN %1$s/passwd
        }
        userdb {
          driver = static
          args = uid=%6$s gid=%7$s home=%1$s/mail/%%u
        }
        """
            .formatted(
                dir,
                port,
                root ? "dovecot" : user,
                root ? "dovenull" : user,
                root ? 100 : 0,
                root ? String.valueOf(NOBODY) : uid(),
                root ? String.valueOf(NOBODY) : gid()));
    if (root) {
      own(dir.resolve("mail"));
    }
    process =
        new ProcessBuilder(binary.toString(), "-F", "-c", dir.resolve("dovecot.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("dovecot.out").toFile())
            .start();
    awaitPort();
  }

  /** Dovecot's binary, if this machine has one. */
  public static Optional<Path> binary() {
    String configured = System.getProperty("it.dovecot.binary", "");
    Path path = Path.of(configured.isBlank() ? "/usr/sbin/dovecot" : configured);
    return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
  }

  public static boolean required() {
    return Boolean.getBoolean("it.dovecot.required");
  }

  public static DovecotServer start(String introspectionUrl) {
    try {
      return new DovecotServer(
          binary().orElseThrow(() -> new IllegalStateException("No Dovecot")), introspectionUrl);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int imapPort() {
    return port;
  }

  /** A mailbox that signs in with a password (plain LOGIN), beside the OAuth2 ones. */
  public void addPasswordUser(String address, String password) throws IOException {
    Files.writeString(
        dir.resolve("passwd"),
        address + ":{PLAIN}" + password + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
  }

  /** Puts a raw mail into the mailbox's INBOX (Maildir {@code new/}), as an LDA would. */
  public void deliver(String mailbox, String raw) throws IOException {
    Path maildir = dir.resolve("mail").resolve(mailbox);
    for (String sub : new String[] {"tmp", "new", "cur"}) {
      Files.createDirectories(maildir.resolve(sub));
    }
    String name = Instant.now().toEpochMilli() + "." + UUID.randomUUID() + ".it";
    Path tmp = maildir.resolve("tmp").resolve(name);
    Files.writeString(tmp, raw.replace("\r\n", "\n").replace("\n", "\r\n"), StandardCharsets.UTF_8);
    if (root) {
      own(maildir);
      own(maildir.resolve("tmp"));
      own(maildir.resolve("new"));
      own(maildir.resolve("cur"));
      own(tmp);
    }
    Files.move(tmp, maildir.resolve("new").resolve(name));
  }

  private static void own(Path path) throws IOException {
    UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
    Files.setOwner(path, users.lookupPrincipalByName("nobody"));
    Files.setAttribute(path, "posix:group", users.lookupPrincipalByGroupName("nogroup"));
  }

  private void awaitPort() throws IOException {
    Instant end = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new IOException("Dovecot stopped: " + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
    }
    throw new IOException("Dovecot does not listen on " + port + ": " + log());
  }

  public String log() {
    try {
      String out =
          Files.exists(dir.resolve("dovecot.out"))
              ? Files.readString(dir.resolve("dovecot.out"))
              : "";
      String log =
          Files.exists(dir.resolve("dovecot.log"))
              ? Files.readString(dir.resolve("dovecot.log"))
              : "";
      return out + log;
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String uid() throws IOException {
    return String.valueOf(Files.getAttribute(Path.of(System.getProperty("user.home")), "unix:uid"));
  }

  private static String gid() throws IOException {
    return String.valueOf(Files.getAttribute(Path.of(System.getProperty("user.home")), "unix:gid"));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: left for the OS to clean
    }
  }
}
