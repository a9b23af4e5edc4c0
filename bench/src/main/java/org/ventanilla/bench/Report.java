package org.ventanilla.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a run, printed and written to the JSON file as soon as each is measured: a part
 * that fails (a mail that never lands, a server that drops a connection) becomes a failure note in
 * the output and the file, and the parts before and after it still report.
 */
final class Report {

  /** One part of the run; its figures, or an exception that fails this part alone. */
  interface Part {
    List<Result> run() throws Exception;
  }

  private static final String ROW = "%-28s %14s %-10s %14s  %s%n";

  private final String database;
  private final Path out;
  private final List<Result> results = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  Report(String database, Path out) {
    this.database = database;
    this.out = out;
  }

  /** Runs one part; its failure is printed and recorded, and the run goes on. */
  void part(String name, Part part) {
    try {
      part.run().forEach(this::add);
    } catch (Exception | AssertionError e) {
      String note = name + ": " + e;
      failures.add(note);
      System.out.println("FAILED " + note);
      write();
    }
  }

  void add(Result r) {
    results.add(r);
    System.out.printf(Locale.ROOT, "= " + ROW, cells(r));
    write();
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  void printTable() {
    System.out.println();
    System.out.printf(Locale.ROOT, ROW, "benchmark", "value", "unit", "baseline", "baseline name");
    for (Result r : results) {
      System.out.printf(Locale.ROOT, ROW, cells(r));
    }
  }

  private static Object[] cells(Result r) {
    return new Object[] {
      r.name(),
      String.format(Locale.ROOT, "%.2f", r.value()),
      r.unit(),
      r.baseline() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.baseline()),
      r.baselineName() == null ? "" : r.baselineName()
    };
  }

  /** The whole file again after each figure, so a run cut short keeps what it measured. */
  private void write() {
    JsonArrayBuilder figures = Json.createArrayBuilder();
    results.forEach(r -> figures.add(r.json()));
    String json =
        Json.createObjectBuilder()
                .add("database", database)
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add("results", figures)
                .add("failures", Json.createArrayBuilder(failures))
                .build()
            + "\n";
    try {
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, "results", ".json");
      Files.writeString(tmp, json);
      Files.move(
          tmp,
          out,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
