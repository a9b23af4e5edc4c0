package org.ventanilla.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Runs the benchmarks against a running Ventanilla and prints a table and JSON. Benchmarks print
 * figures; nothing here asserts a time.
 *
 * <p>Arguments: {@code --url http://localhost:8080 --password ADMIN_PASSWORD --mails 1000
 * --deliveries 2000 --database PostgreSQL --out bench/results.json}; the database the server uses
 * comes from VENTANILLA_DB_URL, VENTANILLA_DB_USER, VENTANILLA_DB_PASSWORD (or --jdbc-url
 * --jdbc-user --jdbc-password): the WhatsApp ingest counts committed rows and the lookups seed with
 * SQL. {@code --mails 0} skips the email ingest, {@code --deliveries 0} the WhatsApp one, {@code
 * --no-ingest} both.
 *
 * <p>Parts: {@code --only whatsapp,email,latency,lookups,load} runs only the parts named ({@code
 * latency}: IDLE mail latency, skipped with the email part by {@code --mails 0}; {@code lookups}:
 * search, lookups and plans on the seeded desk; {@code load}: the seeded desk under 16 connections
 * and the footprint), so one part can be measured again, before and after a change, without the
 * whole run.
 *
 * <p>Reads at scale: {@code --tickets 100000 --messages 1000000} (the default; {@code --tickets 0}
 * skips seeding, search, lookups and footprint; {@code --search-tickets} is the older name of
 * {@code --tickets}), {@code --load-threads 16 --load-seconds 30}. Footprint: {@code --server-pid}
 * (the server's JVM, for jcmd) and {@code --server-log} (its console log, for the start time).
 */
public final class Bench {

  /** What {@code --only} can name, in the order they run. */
  private static final List<String> PARTS =
      List.of("whatsapp", "email", "latency", "lookups", "load");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    String url = arg(args, "--url", "http://localhost:8080");
    String password = arg(args, "--password", System.getenv("VENTANILLA_ADMIN_PASSWORD"));
    int mails = Integer.parseInt(arg(args, "--mails", "1000"));
    String database = arg(args, "--database", "unknown");
    Path out = Path.of(arg(args, "--out", "bench/results.json"));
    Client client = new Client(url, password);

    boolean ingest = !List.of(args).contains("--no-ingest");
    Set<String> only = Set.of(arg(args, "--only", String.join(",", PARTS)).split(","));
    if (!PARTS.containsAll(only)) {
      throw new IllegalArgumentException("--only takes some of " + PARTS + ", not " + only);
    }
    boolean latency = ingest && mails > 0 && only.contains("latency");
    if (!ingest || !only.contains("email")) {
      mails = 0;
    }
    int deliveries =
        ingest && only.contains("whatsapp")
            ? Integer.parseInt(arg(args, "--deliveries", "2000"))
            : 0;
    String jdbcUrl = arg(args, "--jdbc-url", System.getenv("VENTANILLA_DB_URL"));
    String jdbcUser = arg(args, "--jdbc-user", System.getenv("VENTANILLA_DB_USER"));
    String jdbcPassword = arg(args, "--jdbc-password", System.getenv("VENTANILLA_DB_PASSWORD"));

    Report results = new Report(database, out);
    if (jdbcUrl != null && deliveries > 0) {
      results.part(
          "whatsapp",
          () ->
              new WhatsAppIngestBench(client, url, jdbcUrl, jdbcUser, jdbcPassword)
                  .run(deliveries));
    } else if (jdbcUrl == null) {
      System.out.println(
          "No database URL: skipping the WhatsApp ingest (it counts committed rows).");
    }
    if (mails > 0) {
      int count = mails;
      results.part("email", () -> List.of(EmailIngestBench.run(client, count)));
    }
    if (latency) {
      results.part(
          "latency",
          () -> List.of(MailLatencyBench.idle(client, 50), MailLatencyBench.poll(client, 50)));
    }
    int tickets = Integer.parseInt(arg(args, "--tickets", arg(args, "--search-tickets", "100000")));
    long messages = Long.parseLong(arg(args, "--messages", String.valueOf(tickets * 10L)));
    if (tickets > 0 && jdbcUrl != null && (only.contains("lookups") || only.contains("load"))) {
      results.part(
          "seed",
          () -> {
            atScale(
                results,
                only,
                Seed.ensure(jdbcUrl, jdbcUser, jdbcPassword, tickets, messages),
                new Footprint(Long.parseLong(arg(args, "--server-pid", "0"))),
                Integer.parseInt(arg(args, "--load-threads", "16")),
                Integer.parseInt(arg(args, "--load-seconds", "30")),
                client);
            return List.of();
          });
    }
    String serverLog = arg(args, "--server-log", null);
    OptionalDouble start = Footprint.startSeconds(serverLog == null ? null : Path.of(serverLog));
    if (start.isPresent()) {
      results.add(
          new Result(
              "start_s",
              start.getAsDouble(),
              "s",
              null,
              null,
              "WildFly's own start time (WFLYSRV0025), the deployment and its migrations included,"
                  + " on an empty database"));
    }

    results.printTable();
    System.out.println("\nWrote " + out);
    if (!results.failures().isEmpty()) {
      System.out.println("Failed parts (their figures are missing):");
      results.failures().forEach(f -> System.out.println("  " + f));
      System.exit(1);
    }
    // The HTTP clients' worker threads would keep the JVM (and Maven's exec) alive.
    System.exit(0);
  }

  /**
   * Search and lookups on the seeded desk, one request at a time; the query plans; the heap at idle
   * and under load (mixed reads and new tickets from many connections). Each is its own part of the
   * record, so a failing one leaves the others' figures.
   */
  private static void atScale(
      Report results,
      Set<String> only,
      Seed.Data data,
      Footprint footprint,
      int loadThreads,
      int loadSeconds,
      Client client)
      throws Exception {
    LookupBench lookups = new LookupBench(client, data);
    if (only.contains("lookups")) {
      results.part(
          "search",
          () -> {
            System.out.println("Search on " + data.note() + ":");
            return SearchBench.run(client, data);
          });
      results.part(
          "lookups",
          () -> {
            System.out.println(
                "Inbox, ticket, customer and report lookups on " + data.note() + ":");
            return lookups.run();
          });
      results.part(
          "plans",
          () -> {
            Plans.print(data);
            return List.of();
          });
    }
    if (!only.contains("load")) {
      return;
    }
    if (!footprint.available()) {
      System.out.println("No --server-pid: no heap figures.");
      results.part("load", () -> lookups.underLoad(loadThreads, loadSeconds, () -> {}));
      return;
    }
    String xmx =
        footprint.maxHeapMib().stream()
            .mapToObj(mib -> String.format(Locale.ROOT, "-Xmx %.0f MiB", mib))
            .findFirst()
            .orElse("");
    results.part(
        "heap_idle",
        () ->
            footprint.heapAfterFullGcMib().stream()
                .mapToObj(
                    mib ->
                        new Result(
                            "heap_idle_mib",
                            mib,
                            "MiB",
                            null,
                            null,
                            "heap used after a full GC, idle after seeding and the lookups; "
                                + xmx))
                .toList());
    List<Double> samples = new ArrayList<>();
    results.part(
        "load",
        () ->
            lookups.underLoad(
                loadThreads,
                loadSeconds,
                () -> {
                  // Three full GCs spread over the load; the largest heap that survives one counts.
                  for (int i = 1; i <= 3; i++) {
                    Thread.sleep(loadSeconds * 1000L / 4);
                    footprint.heapAfterFullGcMib().ifPresent(samples::add);
                  }
                }));
    samples.stream()
        .max(Double::compare)
        .ifPresent(
            mib ->
                results.add(
                    new Result(
                        "heap_load_mib",
                        mib,
                        "MiB",
                        null,
                        null,
                        "largest heap used after a full GC taken during the "
                            + loadThreads
                            + "-connection load (3 samples: "
                            + String.join(
                                ", ",
                                samples.stream()
                                    .map(s -> String.format(Locale.ROOT, "%.0f", s))
                                    .toList())
                            + " MiB); "
                            + xmx)));
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
