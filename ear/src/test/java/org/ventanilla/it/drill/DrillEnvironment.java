package org.ventanilla.it.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.ventanilla.it.Api;

/**
 * What every drill runs on, started once for all of them: a PostgreSQL cluster of their own and two
 * WildFly servers (A and B, each with its own base dir and port offset) on its one database,
 * sharing one data directory as servers behind a load balancer share storage. A drill may kill a
 * server or stop the database; it leaves both running again when it ends, and {@link
 * #ensureRunning} restores that after a drill that failed half-way.
 */
public final class DrillEnvironment implements ExtensionContext.Store.CloseableResource {

  private final ThrowawayPostgres database;
  private final ServerProcess a;
  private final ServerProcess b;
  private final Path figures;
  private final String adminPassword;
  private boolean databaseUp = true;
  private boolean closed;

  private DrillEnvironment(
      ThrowawayPostgres database,
      ServerProcess a,
      ServerProcess b,
      Path figures,
      String adminPassword) {
    this.database = database;
    this.a = a;
    this.b = b;
    this.figures = figures;
    this.adminPassword = adminPassword;
  }

  /** Why the drills cannot run here, if they cannot: they need PostgreSQL on both sides. */
  static Optional<String> missingPrerequisite() {
    Path jbossHome = Path.of(System.getProperty("jboss.home", "missing"));
    Path standaloneXml = jbossHome.resolve("standalone/configuration/standalone.xml");
    try {
      if (!Files.readString(standaloneXml).contains("<driver>postgresql</driver>")) {
        return Optional.of(
            "the server was configured for H2: build with VENTANILLA_DB_URL set (as CI does) to run"
                + " the fault drills");
      }
    } catch (IOException e) {
      return Optional.of("no provisioned server at " + jbossHome);
    }
    if (ThrowawayPostgres.installedBin().isEmpty()) {
      return Optional.of("PostgreSQL's initdb is not installed under /usr/lib/postgresql");
    }
    return Optional.empty();
  }

  static DrillEnvironment start() {
    Path jbossHome = Path.of(System.getProperty("jboss.home"));
    Path dir = Path.of(System.getProperty("drills.dir", "target/drills")).toAbsolutePath();
    Path ear = Path.of(System.getProperty("it.ear", "target/ventanilla.ear")).toAbsolutePath();
    String password = Api.adminPassword();
    Path figures = dir.resolve("figures.txt");
    deleteServerDirs(dir);
    Instant begin = Instant.now();
    // Under the temporary directory, not target/: as root the cluster runs as the postgres user,
    // who may not be allowed into the build's directory. One name per build directory, so that a
    // crashed run's cluster is found and removed by the next.
    Path clusterDir =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "ventanilla-drill-pg-" + Integer.toHexString(dir.toString().hashCode()));
    ThrowawayPostgres database =
        ThrowawayPostgres.create(ThrowawayPostgres.installedBin().orElseThrow(), clusterDir);
    // Servers sharing a database share the key of the channel secrets (the README says so): a
    // server with a key of its own could not read the mailbox passwords and app secrets.
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    Map<String, String> env =
        Map.of(
            "VENTANILLA_DB_URL",
            database.jdbcUrl(),
            "VENTANILLA_DB_USER",
            ThrowawayPostgres.USER,
            "VENTANILLA_DB_PASSWORD",
            ThrowawayPostgres.PASSWORD,
            "VENTANILLA_SECRET_KEY",
            java.util.Base64.getEncoder().encodeToString(key));
    List<String> properties = List.of("-Dventanilla.data.dir=" + dir.resolve("shared-data"));
    ServerProcess a =
        new ServerProcess(
            "drill-a",
            Integer.getInteger("drills.port.offset.a", 200),
            jbossHome,
            dir.resolve("server-a"),
            ear,
            properties,
            env,
            password);
    ServerProcess b =
        new ServerProcess(
            "drill-b",
            Integer.getInteger("drills.port.offset.b", 250),
            jbossHome,
            dir.resolve("server-b"),
            ear,
            properties,
            env,
            password);
    DrillEnvironment environment = new DrillEnvironment(database, a, b, figures, password);
    // Should the run end abruptly (a fork timeout), the servers and the cluster go with it.
    Runtime.getRuntime().addShutdownHook(new Thread(environment::close, "drills-cleanup"));
    try {
      Files.createDirectories(dir);
      Files.writeString(figures, "");
      environment.figure(
          "database cluster created and started", Duration.between(begin, Instant.now()));
      // Both at once on the empty database, as a cluster's first start: Flyway's lock lets one
      // migrate while the other waits, and the admin's unique username lets one create it.
      java.util.concurrent.CompletableFuture<Void> startB =
          java.util.concurrent.CompletableFuture.runAsync(b::start);
      a.start();
      startB.join();
      environment.figure("first start of server A", a.lastStart());
      environment.figure("first start of server B (started at the same time)", b.lastStart());
    } catch (RuntimeException | IOException e) {
      environment.close();
      Throwable cause = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
    return environment;
  }

  private static void deleteServerDirs(Path dir) {
    for (String name : List.of("server-a", "server-b", "shared-data")) {
      Path p = dir.resolve(name);
      if (Files.exists(p)) {
        try (var files = Files.walk(p)) {
          for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(f);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  public ServerProcess a() {
    return a;
  }

  public ServerProcess b() {
    return b;
  }

  public ThrowawayPostgres database() {
    return database;
  }

  /** The admin of the drills' database, talking to {@code server}. */
  public Api admin(ServerProcess server) {
    return Api.as(Api.ADMIN, adminPassword).on(server.baseUrl());
  }

  /**
   * Deletes what a drill made through the API (channels, policies); a mailbox being polled may
   * answer 409 for a moment (its row changes with every mail), so that is tried again.
   */
  public void delete(List<String> paths) {
    delete(paths, admin(a));
  }

  /** The same, through {@code admin} (a server other than A). */
  public void delete(List<String> paths, Api admin) {
    for (String path : paths) {
      for (int attempt = 0; attempt < 10; attempt++) {
        int status = admin.send("DELETE", path, null, Map.of()).status();
        if (status != 409) {
          break;
        }
        ServerProcess.sleep(300);
      }
    }
  }

  /** Stops the database (a clean, fast shutdown that cuts every connection). */
  public void stopDatabase() {
    database.stop();
    databaseUp = false;
  }

  public void startDatabase() {
    database.start();
    databaseUp = true;
  }

  /** Database up, both servers up: what every drill starts from. */
  public void ensureRunning() {
    if (!databaseUp) {
      startDatabase();
    }
    for (ServerProcess server : List.of(a, b)) {
      if (!server.isRunning()) {
        server.start();
      }
    }
  }

  /** Counts rows per key: {@code sql} selects (key, count) for the keys given as one array. */
  public Map<String, Long> countsBy(String sql, Collection<String> keys) {
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      Array array = c.createArrayOf("varchar", keys.toArray());
      s.setArray(1, array);
      Map<String, Long> counts = new HashMap<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first column of the first row, as a long; parameters bound in order. */
  public long count(String sql, Object... parameters) {
    return query(sql, parameters).stream()
        .findFirst()
        .map(r -> ((Number) r[0]).longValue())
        .orElse(0L);
  }

  /** Every row, each as its columns. */
  public List<Object[]> query(String sql, Object... parameters) {
    try (Connection c = database.connect();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      List<Object[]> rows = new java.util.ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Prints a measured figure and keeps it in target/drills/figures.txt. */
  public void figure(String what, Duration took) {
    figure(what, String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0));
  }

  public void figure(String what, String value) {
    String line = "[drill] " + what + ": " + value;
    System.out.println(line);
    try {
      Files.writeString(
          figures,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // a figure that cannot be written is still printed
    }
  }

  /** Waits until the condition holds; false if it still does not at the deadline. */
  public static boolean await(Duration deadline, BooleanSupplier condition) {
    Instant end = Instant.now().plus(deadline);
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (Instant.now().isAfter(end)) {
        return false;
      }
      ServerProcess.sleep(200);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // The end of the run: no need for a graceful stop.
    a.kill();
    b.kill();
    database.close();
  }
}
