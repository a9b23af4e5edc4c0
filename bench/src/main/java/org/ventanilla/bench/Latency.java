package org.ventanilla.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * p50 and p99 of one kind of GET, one request at a time after a warm-up, timed by the client on
 * loopback: the server's time plus a fraction of a millisecond.
 */
record Latency(String name, int count, double p50, double p99, double max) {

  static final int WARM_UP = 20;
  static final int REQUESTS = 200;

  /** {@code paths.apply(i)} is the i-th request's path under /api/v1/ (warm-up ones included). */
  static Latency measure(Client client, String name, int count, IntFunction<String> paths)
      throws Exception {
    return measure(client, name, WARM_UP, count, paths);
  }

  static Latency measure(
      Client client, String name, int warmUp, int count, IntFunction<String> paths)
      throws Exception {
    for (int i = 0; i < warmUp; i++) {
      client.timeGet(paths.apply(i));
    }
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      nanos[i] = client.timeGet(paths.apply(warmUp + i));
    }
    Latency latency = of(name, nanos);
    System.out.println("  " + latency);
    return latency;
  }

  static Latency of(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return new Latency(
        name,
        n,
        sorted[n / 2] / 1e6,
        sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6,
        sorted[n - 1] / 1e6);
  }

  /** name_p50_ms and name_p99_ms. */
  List<Result> results(String note) {
    return List.of(
        new Result(name + "_p50_ms", p50, "ms", null, null, note),
        new Result(name + "_p99_ms", p99, "ms", null, null, note));
  }

  /** "p50 3.1 / p99 7.4 ms". */
  String brief() {
    return String.format(Locale.ROOT, "p50 %.1f / p99 %.1f ms", p50, p99);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%-28s %s, max %.1f ms over %d requests", name, brief(), max, count);
  }
}
