package org.ventanilla.it.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One WildFly server that a drill starts as a child process and may kill with SIGKILL, which an
 * Arquillian-managed server does not allow. Each server gets a base directory of its own (a copy of
 * the provisioned {@code standalone/configuration} plus the EAR in {@code deployments}), so two
 * servers never share data, tmp or deployment markers; every port moves by its offset.
 */
public final class ServerProcess {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

  private final String name;
  private final int portOffset;
  private final Path jbossHome;
  private final Path baseDir;
  private final Path ear;
  private final List<String> properties;
  private final Map<String, String> environment;
  private final String adminPassword;
  private Process process;
  private Duration lastStart;

  /**
   * @param name also the server's {@code jboss.node.name}: servers sharing a database need distinct
   *     ones
   * @param properties extra {@code -Dname=value} arguments
   * @param environment the server's environment on top of this JVM's (VENTANILLA_DB_* ...)
   */
  public ServerProcess(
      String name,
      int portOffset,
      Path jbossHome,
      Path baseDir,
      Path ear,
      List<String> properties,
      Map<String, String> environment,
      String adminPassword) {
    this.name = name;
    this.portOffset = portOffset;
    this.jbossHome = jbossHome;
    this.baseDir = baseDir;
    this.ear = ear;
    this.properties = List.copyOf(properties);
    this.environment = Map.copyOf(environment);
    this.adminPassword = adminPassword;
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + (8080 + portOffset) + "/";
  }

  /** How long the last start took, from launch until the API answered a signed-in request. */
  public Duration lastStart() {
    return lastStart;
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the server (preparing its base dir the first time) and waits until the app answers. */
  public void start() {
    if (isRunning()) {
      throw new IllegalStateException(name + " is running already");
    }
    Instant begin = Instant.now();
    try {
      prepareBaseDir();
      List<String> command = new ArrayList<>();
      command.add("bash");
      command.add(jbossHome.resolve("bin/standalone.sh").toString());
      command.add("-Djboss.server.base.dir=" + baseDir);
      command.add("-Djboss.socket.binding.port-offset=" + portOffset);
      command.add("-Djboss.node.name=" + name);
      command.add("-Dventanilla.admin.password=" + adminPassword);
      command.addAll(properties);
      command.add("-b");
      command.add("127.0.0.1");
      ProcessBuilder builder = new ProcessBuilder(command);
      // This server's own settings only: no inherited JBOSS_HOME or base dir may redirect it.
      for (String inherited :
          List.of(
              "JAVA_OPTS", "JBOSS_HOME", "JBOSS_BASE_DIR", "JBOSS_CONFIG_DIR", "JBOSS_LOG_DIR")) {
        builder.environment().remove(inherited);
      }
      builder.environment().put("JBOSS_JAVA_SIZING", "-Xms128m -Xmx768m");
      builder.environment().putAll(environment);
      Path console = baseDir.resolve("log/console.log");
      Files.createDirectories(console.getParent());
      builder
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
    awaitReady(begin);
    lastStart = Duration.between(begin, Instant.now());
  }

  /**
   * SIGKILL to the server's java process and to the script that launched it: no shutdown hook, no
   * graceful undeploy, exactly a crash. Returns when every process of the tree is gone.
   */
  public void kill() {
    if (process == null) {
      return;
    }
    // Collected first: once the script dies, java is re-parented and no longer its descendant.
    List<ProcessHandle> tree = new ArrayList<>(process.toHandle().descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle handle : tree) {
      handle.onExit().join();
    }
    process = null;
  }

  private void prepareBaseDir() throws IOException {
    Path configuration = baseDir.resolve("configuration");
    if (!Files.isDirectory(configuration)) {
      Path source = jbossHome.resolve("standalone/configuration");
      try (Stream<Path> files = Files.walk(source)) {
        for (Path from : files.toList()) {
          Path relative = source.relativize(from);
          if (relative.startsWith("standalone_xml_history")) {
            continue;
          }
          Path to = configuration.resolve(relative.toString());
          if (Files.isDirectory(from)) {
            Files.createDirectories(to);
          } else {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    // One deployment, the EAR the build made; markers of an earlier (killed) run go first.
    Path deployments = Files.createDirectories(baseDir.resolve("deployments"));
    try (Stream<Path> markers = Files.list(deployments)) {
      for (Path marker : markers.toList()) {
        if (marker.getFileName().toString().startsWith("ventanilla.ear.")) {
          Files.delete(marker);
        }
      }
    }
    Files.copy(ear, deployments.resolve("ventanilla.ear"), StandardCopyOption.REPLACE_EXISTING);
  }

  private void awaitReady(Instant begin) {
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    HttpRequest info =
        HttpRequest.newBuilder(URI.create(baseUrl() + "api/v1/info"))
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", auth)
            .build();
    while (Duration.between(begin, Instant.now()).compareTo(START_TIMEOUT) < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start:\n" + consoleTail());
      }
      try {
        if (HTTP.send(info, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    kill();
    throw new IllegalStateException(
        name + " did not start in " + START_TIMEOUT + ":\n" + consoleTail());
  }

  /** The server's console output (its start log included). */
  public Path logFile() {
    return baseDir.resolve("log/console.log");
  }

  /** The end of the server's console output, for failure messages. */
  public String consoleTail() {
    try {
      List<String> lines = Files.readAllLines(baseDir.resolve("log/console.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no console log: " + e.getMessage() + ")";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (" + baseUrl() + ")";
  }
}
