package org.ventanilla.it.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the drills' own, on loopback and a free port, which a drill may stop and
 * start again without touching the PostgreSQL that other tests (or other people) use. Made with the
 * installed server's {@code initdb}; PostgreSQL refuses to run as root, so as root (CI) every
 * command runs as the {@code postgres} user.
 */
final class ThrowawayPostgres implements AutoCloseable {

  static final String DATABASE = "ventanilla_drill";
  static final String USER = "ventanilla";
  static final String PASSWORD = "ventanilla";

  private final Path bin;
  private final Path dir;
  private final Path data;
  private final int port;
  private final boolean asPostgres;

  private ThrowawayPostgres(Path bin, Path dir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** The newest installed server's bin directory, if PostgreSQL is installed the Debian way. */
  static Optional<Path> installedBin() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> versionOf(b.getParent())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(Path versionDir) {
    try {
      return Integer.parseInt(versionDir.getFileName().toString().replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * A new cluster in {@code dir} (a leftover of a crashed run is stopped and removed first), with
   * the database and role Ventanilla expects, running.
   */
  static ThrowawayPostgres create(Path bin, Path dir) {
    boolean root = "root".equals(System.getProperty("user.name"));
    ThrowawayPostgres pg = new ThrowawayPostgres(bin, dir, freePort(), root);
    pg.removeLeftovers();
    pg.initialise();
    pg.start();
    pg.createDatabase();
    return pg;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /** Starts the cluster and returns once it accepts connections. */
  void start() {
    run(
        pgCtl(),
        "-D",
        data.toString(),
        "-l",
        dir.resolve("postgres.log").toString(),
        "-w",
        "-t",
        "60",
        "start");
  }

  /** A clean, fast stop, as an administrator (or a package upgrade) does: clients are cut off. */
  void stop() {
    run(pgCtl(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
  }

  /** A connection to the drills' database as Ventanilla's own role. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
  }

  private String pgCtl() {
    return bin.resolve("pg_ctl").toString();
  }

  private void removeLeftovers() {
    if (Files.exists(data.resolve("postmaster.pid"))) {
      runQuietly(pgCtl(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }
    deleteTree(dir);
  }

  private void initialise() {
    try {
      Files.createDirectories(dir);
      if (asPostgres) {
        UserPrincipal postgres =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(
        bin.resolve("initdb").toString(),
        "-D",
        data.toString(),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
        "--no-sync");
    // Loopback TCP only (no socket file to place), a free port, and no fsync: the drills stop this
    // server cleanly but never crash it, so its own durability is not what they test.
    String settings =
        "\nport = %d\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nfsync = off\nmax_connections = 100\n"
            .formatted(port);
    try {
      Files.writeString(
          data.resolve("postgresql.conf"),
          settings,
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void createDatabase() {
    String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    try (Connection c = DriverManager.getConnection(admin, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
      s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the drills' database", e);
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the search extensions", e);
    }
  }

  @Override
  public void close() {
    runQuietly(pgCtl(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    deleteTree(dir);
  }

  private void run(String... command) {
    int exit = runQuietly(command);
    if (exit != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " exited with " + exit + ":\n" + logTail());
    }
  }

  private int runQuietly(String... command) {
    List<String> line = new ArrayList<>();
    if (asPostgres) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    try {
      Path out = Files.createTempFile("drill-pg", ".out");
      try {
        Process p =
            new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .directory(Path.of("/").toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return -1;
        }
        if (p.exitValue() != 0) {
          System.err.println(Files.readString(out));
        }
        return p.exitValue();
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("postgres.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
