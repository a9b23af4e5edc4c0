package org.ventanilla.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks against a running Ventanilla and prints a table and JSON. Benchmarks print
 * figures; nothing here asserts a time.
 *
 * <p>Arguments: {@code --url http://localhost:8080 --password ADMIN_PASSWORD --mails 1000
 * --deliveries 2000 --search-tickets 10000 --database PostgreSQL --out bench/results.json}; the
 * database the server uses comes from VENTANILLA_DB_URL, VENTANILLA_DB_USER, VENTANILLA_DB_PASSWORD
 * (or --jdbc-url --jdbc-user --jdbc-password): the WhatsApp ingest counts committed rows and the
 * search benchmark seeds with SQL (10 messages per ticket; 0 skips it). {@code --mails 0} skips the
 * email ingest.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    String url = arg(args, "--url", "http://localhost:8080");
    String password = arg(args, "--password", System.getenv("VENTANILLA_ADMIN_PASSWORD"));
    int mails = Integer.parseInt(arg(args, "--mails", "1000"));
    String database = arg(args, "--database", "unknown");
    Path out = Path.of(arg(args, "--out", "bench/results.json"));
    Client client = new Client(url, password);

    int deliveries = Integer.parseInt(arg(args, "--deliveries", "2000"));
    String jdbcUrl = arg(args, "--jdbc-url", System.getenv("VENTANILLA_DB_URL"));
    String jdbcUser = arg(args, "--jdbc-user", System.getenv("VENTANILLA_DB_USER"));
    String jdbcPassword = arg(args, "--jdbc-password", System.getenv("VENTANILLA_DB_PASSWORD"));

    List<Result> results = new ArrayList<>();
    if (jdbcUrl != null && deliveries > 0) {
      results.addAll(
          new WhatsAppIngestBench(client, url, jdbcUrl, jdbcUser, jdbcPassword).run(deliveries));
    } else {
      System.out.println(
          "No database URL: skipping the WhatsApp ingest (it counts committed rows).");
    }
    if (mails > 0) {
      results.add(EmailIngestBench.run(client, mails));
    }
    int searchTickets = Integer.parseInt(arg(args, "--search-tickets", "10000"));
    if (searchTickets > 0 && jdbcUrl != null) {
      results.addAll(SearchBench.run(client, jdbcUrl, jdbcUser, jdbcPassword, searchTickets));
    }

    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-28s %14s %-10s %14s  %s%n",
        "benchmark",
        "value",
        "unit",
        "baseline",
        "baseline name");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "%-28s %14.2f %-10s %14s  %s%n",
          r.name(),
          r.value(),
          r.unit(),
          r.baseline() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.baseline()),
          r.baselineName() == null ? "" : r.baselineName());
    }
    String json =
        "{\"database\":\""
            + database
            + "\",\"cores\":"
            + Runtime.getRuntime().availableProcessors()
            + ",\"results\":["
            + String.join(",", results.stream().map(Result::json).toList())
            + "]}\n";
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, json);
    System.out.println("\nWrote " + out);
    // The HTTP clients' worker threads would keep the JVM (and Maven's exec) alive.
    System.exit(0);
  }

  private static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
