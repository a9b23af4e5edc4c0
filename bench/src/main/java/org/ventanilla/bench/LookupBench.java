package org.ventanilla.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * What agents read all day, on the seeded desk ({@link Seed}), through the REST API: the first page
 * of the inbox for each view the inbox offers (and a few filters and saved views), the ticket with
 * 200 messages, a customer's history, the reports summary. Then the same reads from 16 connections
 * at once, with new tickets arriving, while the footprint is sampled.
 */
final class LookupBench {

  /** The inbox's views (InboxView) as the API's list takes them, first page, newest activity. */
  private static final Map<String, String> VIEWS = new LinkedHashMap<>();

  /** Filters an agent adds to a view. */
  private static final Map<String, String> FILTERS = new LinkedHashMap<>();

  static {
    VIEWS.put("mine", "tickets?status=open&assignee=me");
    VIEWS.put("unassigned", "tickets?status=open&assignee=none");
    VIEWS.put("open", "tickets?status=open");
    VIEWS.put("resolved", "tickets?status=resolved");
    VIEWS.put("all", "tickets");
    FILTERS.put("open_whatsapp", "tickets?status=open&channel=whatsapp");
    FILTERS.put("open_urgent", "tickets?status=open&priority=urgent");
    FILTERS.put("open_tag", "tickets?status=open&tag=vip");
    FILTERS.put("all_agent", "tickets?assignee=agente3");
  }

  private final Client client;
  private final Seed.Data data;
  private final Random random = new Random(7);

  LookupBench(Client client, Seed.Data data) {
    this.client = client;
    this.data = data;
  }

  List<Result> run() throws Exception {
    List<Result> results = new ArrayList<>();
    String note = data.note();

    List<Latency> views = new ArrayList<>();
    for (Map.Entry<String, String> view : views().entrySet()) {
      views.add(measure("inbox_" + view.getKey(), i -> view.getValue()));
    }
    Latency worstView = worst(views);
    results.add(
        new Result(
            "inbox_page_p99_ms",
            worstView.p99(),
            "ms",
            null,
            null,
            "first page (25) of the slowest view, " + worstView.name() + "; " + briefs(views)));

    List<Latency> filters = new ArrayList<>();
    for (Map.Entry<String, String> filter : FILTERS.entrySet()) {
      filters.add(measure("inbox_" + filter.getKey(), i -> filter.getValue()));
    }
    Map<String, Long> saved = savedViews();
    for (Map.Entry<String, Long> view : saved.entrySet()) {
      filters.add(
          measure("saved_view_" + view.getKey(), i -> "views/" + view.getValue() + "/tickets"));
    }
    Latency worstFilter = worst(filters);
    results.add(
        new Result(
            "inbox_filtered_p99_ms",
            worstFilter.p99(),
            "ms",
            null,
            null,
            "slowest filter or saved view, " + worstFilter.name() + "; " + briefs(filters)));
    Latency viewList = measure("saved_views_list", i -> "views");
    results.add(
        new Result(
            "saved_views_list_p99_ms",
            viewList.p99(),
            "ms",
            null,
            null,
            "the saved views with their counts (" + saved.size() + " views); " + viewList.brief()));

    Latency ticket = measure("ticket_page", i -> "tickets/" + data.longTicketId());
    results.add(
        new Result(
            "ticket_page_p99_ms",
            ticket.p99(),
            "ms",
            null,
            null,
            "GET the ticket with "
                + Seed.LONG_TICKET_MESSAGES
                + " messages and its events; "
                + ticket.brief()));

    Latency history = measure("customer_history", i -> "customers/" + customerFor(i));
    results.add(
        new Result(
            "customer_history_p99_ms",
            history.p99(),
            "ms",
            null,
            null,
            "GET a customer with every ticket (1 in 10 a frequent customer with ~50); "
                + history.brief()));

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String whole = "reports/summary?from=" + today.minusDays(95) + "&to=" + today;
    Latency report = measure("report_summary", i -> whole);
    results.add(
        new Result(
            "report_summary_ms",
            report.p99(),
            "ms",
            null,
            null,
            "p99 of the summary over the whole range (every seeded ticket); " + report.brief()));
    Latency month = measure("report_summary_30d", i -> "reports/summary");
    results.add(
        new Result(
            "report_summary_30d_ms",
            month.p99(),
            "ms",
            null,
            null,
            "p99 of the default summary (last 30 days); " + month.brief()));

    // The analytics page's one call, over the whole seeded range: limit 1,000 ms.
    String analyticsRange = "reports/analytics?from=" + today.minusDays(95) + "&to=" + today;
    Latency analytics = measure("analytics_page", i -> analyticsRange);
    results.add(
        new Result(
            "analytics_page_ms",
            analytics.p99(),
            "ms",
            1000.0,
            "limit",
            "p99 of GET /reports/analytics over the whole range (every seeded ticket), limit 1,000"
                + " ms; "
                + analytics.brief()));

    for (Latency latency : concat(views, filters, List.of(ticket, history))) {
      results.addAll(latency.results(note));
    }
    results.add(new Result("report_summary_p50_ms", report.p50(), "ms", null, null, note));
    return results;
  }

  /**
   * The mixed reads of {@link #run} plus new tickets (one request in ten), from {@code threads}
   * connections for {@code seconds}; {@code during} runs on this thread meanwhile (the footprint's
   * samples).
   */
  List<Result> underLoad(int threads, int seconds, Sampler during) throws Exception {
    List<String> reads = new ArrayList<>(views().values());
    reads.add("tickets/" + data.longTicketId());
    AtomicLong created = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int worker = w;
      workers.add(
          pool.submit(
              () -> {
                List<Long> nanos = new ArrayList<>();
                ThreadLocalRandom r = ThreadLocalRandom.current();
                for (int i = 0; System.nanoTime() < end; i++) {
                  long start = System.nanoTime();
                  switch ((i + worker) % 10) {
                    case 0, 1, 2, 3 -> client.get(reads.get(r.nextInt(reads.size())));
                    case 4 -> client.get("tickets/" + data.ticketId(1 + r.nextInt(data.tickets())));
                    case 5 -> client.get("customers/" + customerFor(r.nextInt(1000)));
                    case 6 ->
                        client.get(
                            "search?size=25&q="
                                + URLEncoder.encode(
                                    data.customerName(1 + r.nextInt(data.customers())),
                                    StandardCharsets.UTF_8));
                    case 7 ->
                        client.get("search?size=25&q=ref" + (1 + r.nextInt((int) data.messages())));
                    case 8 -> client.get("search?size=25&q=%23" + data.ticketNumber(1 + i % 1000));
                    default -> client.post("tickets", inbound(created.incrementAndGet()));
                  }
                  nanos.add(System.nanoTime() - start);
                }
                return nanos.stream().mapToLong(Long::longValue).toArray();
              }));
    }
    pool.shutdown();
    during.sample();
    List<Long> all = new ArrayList<>();
    for (Future<long[]> worker : workers) {
      for (long n : worker.get()) {
        all.add(n);
      }
    }
    Latency latency =
        Latency.of("load_" + threads, all.stream().mapToLong(Long::longValue).toArray());
    System.out.println("  " + latency);
    String note =
        String.format(
            Locale.ROOT,
            "%d connections for %d s: inbox views, tickets, customers, searches, and %d new"
                + " tickets (1 request in 10); %s",
            threads,
            seconds,
            created.get(),
            latency.brief());
    return List.of(
        new Result(
            "load_rps_" + threads, all.size() / (double) seconds, "requests/s", null, null, note),
        new Result("load_p99_ms_" + threads, latency.p99(), "ms", null, null, note));
  }

  /**
   * The built-in views, and the Breaching one (sla=breaching) where the server has it: a server
   * without it ignores the parameter, so it accepts a wrong value too.
   */
  private Map<String, String> views() throws Exception {
    Map<String, String> views = new LinkedHashMap<>(VIEWS);
    if (client.status("tickets?size=1&sla=bench-probe") != 200) {
      views.put("breaching", "tickets?status=open&sla=breaching");
    }
    return views;
  }

  /** What runs on the caller's thread while the load runs. */
  interface Sampler {
    void sample() throws Exception;
  }

  private static String inbound(long n) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("channel", "email")
            .add("subject", "Carga " + n)
            .add("text", "Hola, escribo durante la prueba de carga, mensaje " + n + ".")
            .add(
                "customer",
                Json.createObjectBuilder()
                    .add("name", "Cliente de carga " + n)
                    .add("email", "carga" + n + "-" + System.nanoTime() + "@example.org"))
            .build();
    return body.toString();
  }

  /** One request in ten asks for a frequent customer (about fifty tickets), others for anyone. */
  private long customerFor(int i) {
    synchronized (random) {
      return i % 10 == 0
          ? data.customerId(1 + random.nextInt(Seed.FREQUENT_CUSTOMERS))
          : data.customerId(1 + random.nextInt(data.customers()));
    }
  }

  /** Two views a team would save: a tag among the open tickets, and words in the subject. */
  private Map<String, Long> savedViews() throws Exception {
    Map<String, JsonObject> wanted = new LinkedHashMap<>();
    wanted.put(
        "tag",
        Json.createObjectBuilder()
            .add("name", "Bench: VIP abiertos")
            .add("shared", true)
            .add("status", "open")
            .add("tag", "vip")
            .build());
    wanted.put(
        "text",
        Json.createObjectBuilder()
            .add("name", "Bench: pagos")
            .add("shared", true)
            .add("text", "pago")
            .build());
    Map<String, Long> ids = new LinkedHashMap<>();
    for (JsonValue existing : client.getArray("views")) {
      JsonObject view = existing.asJsonObject();
      wanted.forEach(
          (key, body) -> {
            if (body.getString("name").equals(view.getString("name"))) {
              ids.put(key, view.getJsonNumber("id").longValue());
            }
          });
    }
    for (Map.Entry<String, JsonObject> view : wanted.entrySet()) {
      if (!ids.containsKey(view.getKey())) {
        ids.put(
            view.getKey(),
            client.post("views", view.getValue().toString()).getJsonNumber("id").longValue());
      }
    }
    return ids;
  }

  private Latency measure(String name, IntFunction<String> path) throws Exception {
    return Latency.measure(client, name, Latency.REQUESTS, path);
  }

  private static Latency worst(List<Latency> latencies) {
    return latencies.stream().max((a, b) -> Double.compare(a.p99(), b.p99())).orElseThrow();
  }

  private static String briefs(List<Latency> latencies) {
    return String.join(
        ", ",
        latencies.stream()
            .map(l -> l.name().replaceFirst("^inbox_", "") + " " + l.brief())
            .toList());
  }

  @SafeVarargs
  private static List<Latency> concat(List<Latency>... lists) {
    List<Latency> all = new ArrayList<>();
    for (List<Latency> list : lists) {
      all.addAll(list);
    }
    return all;
  }
}
