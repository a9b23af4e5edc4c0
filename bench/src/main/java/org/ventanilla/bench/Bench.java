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
 * --database PostgreSQL --out bench/results.json}; the search benchmark also needs {@code
 * --jdbc-url --db-user --db-password} (it seeds with SQL) and takes {@code --search-tickets 10000}
 * (10 messages each; 100000 for the full-size run, 0 to skip it).
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

    List<Result> results = new ArrayList<>();
    if (mails > 0) {
      results.add(EmailIngestBench.run(client, mails));
    }
    int searchTickets = Integer.parseInt(arg(args, "--search-tickets", "10000"));
    String jdbcUrl = arg(args, "--jdbc-url", System.getenv("VENTANILLA_DB_URL"));
    if (searchTickets > 0 && jdbcUrl != null) {
      results.addAll(
          SearchBench.run(
              client,
              jdbcUrl,
              arg(args, "--db-user", System.getenv("VENTANILLA_DB_USER")),
              arg(args, "--db-password", System.getenv("VENTANILLA_DB_PASSWORD")),
              searchTickets));
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
