package org.ventanilla.it.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ventanilla.it.Api;
import org.ventanilla.it.Browser;

/**
 * A cluster as server-config/cli/cluster.cli makes it: two nodes (node1, node2) on the drills'
 * database behind HAProxy with server-config/haproxy.cfg. The node serving a signed-in agent with a
 * half-written reply is killed with SIGKILL: the agent's next request goes to the other node, still
 * signed in, the draft still there, and the reply goes once. Presence crosses nodes, and an SLA
 * alert that falls due while a node is down fires once. Servers A and B of the other drills are
 * stopped meanwhile (two cores: four WildFlys do not fit); the next drill restarts them.
 */
@ExtendWith(FaultDrillExtension.class)
@ExtendWith(Browser.ScreenshotOnFailure.class)
@Order(9)
class ClusterDrill {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String PASSWORD = "Cluster-Agent-2026!";

  @Test
  @DisplayName(
      "a node killed under a signed-in agent: the balancer sends them to the other node, signed in, with their draft, the reply goes once; presence crosses nodes; an SLA alert due meanwhile fires once; no node-identifier warning")
  void nodeDownAgentNeverNotices(DrillEnvironment env) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/sbin/haproxy")),
        "HAProxy is not installed (apt-get install haproxy; .ci/run installs it)");
    Path serverConfig =
        Path.of(System.getProperty("drills.server.config", "../server-config")).toAbsolutePath();
    Path dir = Path.of(System.getProperty("drills.dir", "target/drills")).toAbsolutePath();
    int offset = Integer.getInteger("drills.cluster.port.offset", 600);
    env.a().kill();
    env.b().kill();

    Cluster cluster = Cluster.start(env, serverConfig, dir.resolve("cluster"), offset);
    List<String> cleanup = new ArrayList<>();
    try (cluster) {
      for (ServerProcess node : cluster.nodes()) {
        String log = Files.readString(node.logFile());
        assertFalse(
            log.contains("WFLYTX0013"), node + " warns about its transaction node identifier");
        assertTrue(log.contains("joined cluster 'ventanilla'"), node + " joined no cluster");
      }

      // Arrange: two agents, a ticket to answer, a one-minute WhatsApp policy warning at 50 %.
      Api admin = env.admin(cluster.nodes().get(0));
      String suffix = UUID.randomUUID().toString().substring(0, 6);
      String ana = newAgent(admin, "Ana " + suffix);
      String luis = newAgent(admin, "Luis " + suffix);
      Api.Response created =
          admin.post(
              "tickets",
              """
              {"channel":"email","subject":"Cluster %s","text":"¿Dónde está mi pedido?",
               "customer":{"name":"Rosa Vidal","email":"rosa-%s@example.com"}}"""
                  .formatted(suffix, suffix));
      assertEquals(201, created.status(), created::toString);
      long ticketId = created.object().getJsonNumber("id").longValue();
      Api.Response policy =
          admin.post(
              "sla-policies",
              """
              {"name":"Cluster drill","priority":"normal","channel":"whatsapp",
               "firstResponseMinutes":1,"resolutionMinutes":600,"warnAtPercent":50}""");
      assertEquals(201, policy.status(), policy::toString);
      cleanup.add("sla-policies/" + policy.object().getJsonNumber("id").longValue());

      try (Browser anaBrowser = Browser.open("es");
          Browser luisBrowser = Browser.open("es")) {
        // Ana works through the balancer; her session's route names the node serving her.
        anaBrowser.signIn(cluster.balancerUrl(), ana, PASSWORD);
        anaBrowser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
        anaBrowser.driver.get(cluster.balancerUrl() + "ticket.xhtml?id=" + ticketId);
        String route = route(anaBrowser);
        ServerProcess serving = cluster.node(route);
        ServerProcess other = cluster.other(serving);

        // Luis on the other node sees Ana, and she sees him.
        luisBrowser.signIn(other.baseUrl(), luis, PASSWORD);
        luisBrowser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
        luisBrowser.driver.get(other.baseUrl() + "ticket.xhtml?id=" + ticketId);
        luisBrowser.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:presence"), "Ana " + suffix + " está viendo"));
        anaBrowser.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:presence"), "Luis " + suffix + " está viendo"));

        // Ana has half written her reply; a WhatsApp ticket's SLA clock starts (warning in 30 s,
        // breach in 60 s) and her node dies.
        anaBrowser.driver.findElement(By.id("ticket:reply")).sendKeys("Hola Rosa, tu pedido");
        Api.Response slaTicket =
            admin.post(
                "tickets",
                """
                {"channel":"whatsapp","subject":"SLA %s","text":"Hola",
                 "customer":{"name":"Pepe Gil","phone":"+3460%07d"}}"""
                    .formatted(suffix, Math.abs(suffix.hashCode()) % 10_000_000));
        assertEquals(201, slaTicket.status(), slaTicket::toString);
        long slaTicketId = slaTicket.object().getJsonNumber("id").longValue();
        Instant killedAt = Instant.now();
        serving.kill();

        // Her page's next poll lands on the other node, which takes the session over.
        assertTrue(
            DrillEnvironment.await(
                Duration.ofSeconds(20), () -> route(anaBrowser).equals(other.name())),
            () -> "Ana's session still routed to " + route(anaBrowser));
        env.figure(
            "cluster: the agent's session served by the other node after a kill -9",
            Duration.between(killedAt, Instant.now()));
        assertTrue(
            anaBrowser.driver.getCurrentUrl().contains("ticket.xhtml"),
            () -> "Ana was sent to " + anaBrowser.driver.getCurrentUrl());
        assertEquals(
            "Hola Rosa, tu pedido",
            anaBrowser.driver.findElement(By.id("ticket:reply")).getAttribute("value"),
            "the half-written reply is still in the composer");

        // She finishes and sends: once.
        String reply = "Hola Rosa, tu pedido sale hoy " + suffix;
        anaBrowser.driver.findElement(By.id("ticket:reply")).sendKeys(" sale hoy " + suffix);
        anaBrowser
            .driver
            .findElement(By.id("ticket:reply"))
            .sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        anaBrowser.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:timeline"), reply));
        assertFalse(
            anaBrowser.driver.findElements(By.id("j_username")).size() > 0,
            "Ana is still signed in");
        // Luis, on the surviving node, still sees her there.
        luisBrowser.wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket:presence"), "Ana " + suffix + " está viendo"));

        // Assert: one reply stored; each SLA alert of the ticket fired once, by the survivor.
        String replies =
            "SELECT COUNT(*) FROM message WHERE ticket_id = ? AND direction = 'OUTBOUND'"
                + " AND text_body = ?";
        ServerProcess.sleep(3000);
        assertEquals(1, env.count(replies, ticketId, reply), "the reply is stored once");
        assertTrue(
            DrillEnvironment.await(
                Duration.ofSeconds(90),
                () -> env.count(Queries.SLA_BREACH_OF_TICKET, slaTicketId) > 0),
            "the SLA breach fell due and fired");
        ServerProcess.sleep(4000);
        assertEquals(1, env.count(Queries.SLA_WARNING_OF_TICKET, slaTicketId), "one SLA warning");
        assertEquals(1, env.count(Queries.SLA_BREACH_OF_TICKET, slaTicketId), "one SLA breach");
        env.figure(
            "cluster: SLA warning and breach fired once each while a node was down",
            Duration.between(killedAt, Instant.now()));
        assertNotEquals(serving, other);
      } finally {
        env.delete(cleanup, env.admin(cluster.survivor()));
      }
    }
  }

  private static String newAgent(Api admin, String name) {
    String email = name.toLowerCase().replace(' ', '-') + "@example.com";
    Api.Response r =
        admin.post(
            "agents",
            """
            {"displayName":"%s","email":"%s","role":"agent","password":"%s"}"""
                .formatted(name, email, PASSWORD));
    assertEquals(201, r.status(), r::toString);
    return email;
  }

  /** The route at the end of the browser's JSESSIONID: the node that owns the session. */
  private static String route(Browser browser) {
    Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
    if (session == null) {
      return "";
    }
    String value = session.getValue();
    return value.substring(value.lastIndexOf('.') + 1);
  }

  /** Two nodes with the cluster configuration behind HAProxy. */
  private static final class Cluster implements AutoCloseable {
    private final List<ServerProcess> nodes;
    private final Process balancer;
    private final int offset;

    private Cluster(List<ServerProcess> nodes, Process balancer, int offset) {
      this.nodes = nodes;
      this.balancer = balancer;
      this.offset = offset;
    }

    static Cluster start(DrillEnvironment env, Path serverConfig, Path dir, int offset)
        throws IOException, InterruptedException {
      Path jbossHome = Path.of(System.getProperty("jboss.home"));
      Path ear = Path.of(System.getProperty("it.ear", "target/ventanilla.ear")).toAbsolutePath();
      deleteTree(dir);
      Path configuration = dir.resolve("node1/configuration");
      copyTree(jbossHome.resolve("standalone/configuration"), configuration);
      Instant begin = Instant.now();
      applyClusterCli(jbossHome, serverConfig.resolve("cli/cluster.cli"), dir.resolve("node1"));
      // Idempotent: the script run a second time changes nothing.
      String once = Files.readString(configuration.resolve("standalone.xml"));
      applyClusterCli(jbossHome, serverConfig.resolve("cli/cluster.cli"), dir.resolve("node1"));
      if (!once.equals(Files.readString(configuration.resolve("standalone.xml")))) {
        throw new AssertionError("cluster.cli run twice changed standalone.xml");
      }
      deleteTree(dir.resolve("node1/data"));
      deleteTree(configuration.resolve("standalone_xml_history"));
      copyTree(configuration, dir.resolve("node2/configuration"));
      env.figure("cluster: cluster.cli applied", Duration.between(begin, Instant.now()));

      byte[] key = new byte[32];
      new java.security.SecureRandom().nextBytes(key);
      Map<String, String> environment =
          Map.of(
              "VENTANILLA_DB_URL",
              env.database().jdbcUrl(),
              "VENTANILLA_DB_USER",
              ThrowawayPostgres.USER,
              "VENTANILLA_DB_PASSWORD",
              ThrowawayPostgres.PASSWORD,
              "VENTANILLA_SECRET_KEY",
              Base64.getEncoder().encodeToString(key),
              "VENTANILLA_CLUSTER_HOSTS",
              "127.0.0.1[" + (7600 + offset + 100) + "],127.0.0.1[" + (7600 + offset + 200) + "]");
      List<String> properties = List.of("-Dventanilla.data.dir=" + dir.resolve("shared-data"));
      List<ServerProcess> nodes = new ArrayList<>();
      for (int n = 1; n <= 2; n++) {
        nodes.add(
            new ServerProcess(
                "node" + n,
                offset + 100 * n,
                jbossHome,
                dir.resolve("node" + n),
                ear,
                properties,
                environment,
                Api.adminPassword()));
      }
      begin = Instant.now();
      CompletableFuture<Void> second = CompletableFuture.runAsync(nodes.get(1)::start);
      try {
        nodes.get(0).start();
        second.join();
      } catch (RuntimeException e) {
        nodes.forEach(ServerProcess::kill);
        throw e;
      }
      env.figure("cluster: both nodes started", Duration.between(begin, Instant.now()));

      ProcessBuilder haproxy =
          new ProcessBuilder(
                  "/usr/sbin/haproxy", "-db", "-f", serverConfig.resolve("haproxy.cfg").toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("haproxy.log").toFile());
      haproxy.environment().put("VENTANILLA_BALANCER_BIND", "127.0.0.1:" + (8080 + offset));
      haproxy.environment().put("VENTANILLA_BALANCER_STATS", "127.0.0.1:" + (8130 + offset));
      haproxy.environment().put("VENTANILLA_NODE1", "127.0.0.1:" + (8080 + offset + 100));
      haproxy.environment().put("VENTANILLA_NODE2", "127.0.0.1:" + (8080 + offset + 200));
      Cluster cluster = new Cluster(nodes, haproxy.start(), offset);
      if (!DrillEnvironment.await(Duration.ofSeconds(30), cluster::bothUp)) {
        cluster.close();
        throw new IllegalStateException("HAProxy never saw both nodes up");
      }
      return cluster;
    }

    List<ServerProcess> nodes() {
      return nodes;
    }

    String balancerUrl() {
      return "http://127.0.0.1:" + (8080 + offset) + "/";
    }

    ServerProcess node(String route) {
      return nodes.stream()
          .filter(n -> n.name().equals(route))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no node has the route '" + route + "'"));
    }

    ServerProcess other(ServerProcess node) {
      return nodes.get(0) == node ? nodes.get(1) : nodes.get(0);
    }

    ServerProcess survivor() {
      return nodes.stream().filter(ServerProcess::isRunning).findFirst().orElse(nodes.get(0));
    }

    /** HAProxy's own health checks see both nodes up (its status page as CSV). */
    boolean bothUp() {
      try {
        String csv =
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + (8130 + offset) + "/;csv"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        return csv.lines().filter(l -> l.startsWith("nodes,node") && l.contains(",UP,")).count()
            == 2;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    @Override
    public void close() {
      balancer.destroyForcibly();
      nodes.forEach(ServerProcess::kill);
    }

    private static void applyClusterCli(Path jbossHome, Path script, Path baseDir)
        throws IOException, InterruptedException {
      Path log = baseDir.resolve("cluster-cli.log");
      ProcessBuilder cli =
          new ProcessBuilder(
                  "bash",
                  jbossHome.resolve("bin/jboss-cli.sh").toString(),
                  "--no-color-output",
                  "--file=" + script)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      cli.environment().remove("JBOSS_HOME");
      cli.environment()
          .put(
              "JAVA_OPTS",
              "-Djboss.server.base.dir="
                  + baseDir
                  + " -Djboss.server.log.dir="
                  + baseDir.resolve("cli-log"));
      cli.environment().put("NOPAUSE", "true");
      Process process = cli.start();
      if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("cluster.cli failed:\n" + Files.readString(log));
      }
    }

    private static void copyTree(Path from, Path to) throws IOException {
      try (var files = Files.walk(from)) {
        for (Path source : files.toList()) {
          Path target = to.resolve(from.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }

    private static void deleteTree(Path dir) throws IOException {
      if (!Files.exists(dir)) {
        return;
      }
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
