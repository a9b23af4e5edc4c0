package org.ventanilla.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's footprint: its heap after a full GC, asked of its JVM with jcmd (the same user runs
 * both), and its start time as WildFly logs it (WFLYSRV0025 "started in NNNNms", deployment
 * included).
 */
final class Footprint {

  private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");
  private static final Pattern STARTED = Pattern.compile("WFLYSRV0025: .* started in (\\d+)ms");

  private final long pid;

  Footprint(long pid) {
    this.pid = pid;
  }

  boolean available() {
    return pid > 0;
  }

  /** Heap in use right after a full collection (jcmd GC.run, then GC.heap_info), in MiB. */
  OptionalDouble heapAfterFullGcMib() throws IOException, InterruptedException {
    if (!available()) {
      return OptionalDouble.empty();
    }
    jcmd("GC.run");
    double kib = 0;
    boolean found = false;
    for (String line : jcmd("GC.heap_info")) {
      // Metaspace and class space are not heap; G1 prints one "garbage-first heap" line, the
      // generational collectors one line per generation.
      if (line.contains("Metaspace") || line.contains("class space")) {
        continue;
      }
      Matcher used = USED.matcher(line);
      if (used.find()) {
        long value = Long.parseLong(used.group(1));
        kib +=
            switch (used.group(2)) {
              case "G" -> value * 1024.0 * 1024;
              case "M" -> value * 1024.0;
              default -> value;
            };
        found = true;
      }
    }
    return found ? OptionalDouble.of(kib / 1024) : OptionalDouble.empty();
  }

  /** The -Xmx of the server's JVM, in MiB, as the JVM reports it. */
  OptionalDouble maxHeapMib() throws IOException, InterruptedException {
    if (!available()) {
      return OptionalDouble.empty();
    }
    Matcher max =
        Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(String.join(" ", jcmd("VM.flags")));
    return max.find()
        ? OptionalDouble.of(Long.parseLong(max.group(1)) / 1024.0 / 1024)
        : OptionalDouble.empty();
  }

  /** Seconds from WildFly's start to "started", deployment included; the log's last start. */
  static OptionalDouble startSeconds(Path log) throws IOException {
    if (log == null || !Files.isReadable(log)) {
      return OptionalDouble.empty();
    }
    OptionalDouble seconds = OptionalDouble.empty();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher started = STARTED.matcher(line);
      if (started.find()) {
        seconds = OptionalDouble.of(Long.parseLong(started.group(1)) / 1000.0);
      }
    }
    return seconds;
  }

  private List<String> jcmd(String command) throws IOException, InterruptedException {
    Path sibling = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    String executable = Files.isExecutable(sibling) ? sibling.toString() : "jcmd";
    Process process =
        new ProcessBuilder(executable, String.valueOf(pid), command)
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      reader.lines().forEach(lines::add);
    }
    if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + lines);
    }
    return lines;
  }
}
