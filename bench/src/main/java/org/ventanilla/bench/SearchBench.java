package org.ventanilla.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Search latency on the seeded desk ({@link Seed}): searches through the REST API by ticket number,
 * a customer's full name (first name and two surnames, each word shared by thousands of tickets,
 * all three by a handful), phone number (spaced, as people type it) and a word that occurs in
 * exactly one message. Prints p50 and p99 of each; {@code search_p99_ms} is the slowest kind's p99.
 * Then a word that half the messages contain, the worst case, apart.
 */
final class SearchBench {

  private static final int COMMON_WORD_SEARCHES = 20;

  private SearchBench() {}

  static List<Result> run(Client client, Seed.Data data) throws Exception {
    Random random = new Random(42);
    int tickets = data.tickets();
    int customers = data.customers();
    List<Latency> latencies = new ArrayList<>();
    latencies.add(
        measure(
            client, "search_number", i -> "#" + data.ticketNumber(1 + random.nextInt(tickets))));
    latencies.add(
        measure(client, "search_name", i -> data.customerName(1 + random.nextInt(customers))));
    latencies.add(
        measure(
            client,
            "search_phone",
            i -> {
              String digits = String.format(Locale.ROOT, "%08d", 1 + random.nextInt(customers));
              return "6"
                  + digits.substring(0, 2)
                  + " "
                  + digits.substring(2, 5)
                  + " "
                  + digits.substring(5);
            }));
    latencies.add(
        measure(
            client,
            "search_word",
            i -> "ref" + (1 + random.nextInt((int) Math.min(Integer.MAX_VALUE, data.messages())))));
    // Not in search_p99_ms: a word in half the messages, whose matches are counted too.
    List<String> common = List.of("pedido", "devolución", "gracias");
    Latency commonWord =
        Latency.measure(
            client,
            "search_common_word",
            2,
            COMMON_WORD_SEARCHES,
            i ->
                "search?size=25&q="
                    + URLEncoder.encode(common.get(i % common.size()), StandardCharsets.UTF_8));
    List<Result> results = new ArrayList<>();
    Latency worst =
        latencies.stream().max((a, b) -> Double.compare(a.p99(), b.p99())).orElseThrow();
    results.add(
        new Result(
            "search_p99_ms",
            worst.p99(),
            "ms",
            null,
            null,
            "slowest: "
                + worst.name()
                + "; "
                + String.join(
                    ", ", latencies.stream().map(l -> l.name() + " " + l.brief()).toList())
                + "; "
                + data.note()));
    for (Latency latency : latencies) {
      results.addAll(latency.results(data.note()));
    }
    results.addAll(
        commonWord.results(
            "pedido, devolución or gracias: each in half or more of the "
                + data.messages()
                + " messages; "
                + COMMON_WORD_SEARCHES
                + " searches"));
    return results;
  }

  private static Latency measure(Client client, String name, IntFunction<String> queries)
      throws Exception {
    return Latency.measure(
        client,
        name,
        Latency.REQUESTS,
        i -> "search?size=25&q=" + URLEncoder.encode(queries.apply(i), StandardCharsets.UTF_8));
  }
}
