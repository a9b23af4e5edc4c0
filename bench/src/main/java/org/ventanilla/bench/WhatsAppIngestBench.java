package org.ventanilla.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WhatsApp ingest: signed webhook deliveries (one text message each, from a few hundred customers)
 * at 1, 16 and 64 concurrent connections. Webhook answers per second and their p50/p99, then end to
 * end: messages per second until every one is committed on its ticket. Baseline: the same rows
 * (customer lookup, ticket, message, event) written straight with JDBC batches into the same
 * database, the storage's own limit.
 */
final class WhatsAppIngestBench {

  private static final String SECRET = "bench-app-secret";
  private static final String PHONE_ID = "900000000000001";
  private static final int CUSTOMERS = 300;

  private final Client client;
  private final String baseUrl;
  private final String jdbcUrl;
  private final String jdbcUser;
  private final String jdbcPassword;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .executor(Executors.newFixedThreadPool(72))
          .build();

  WhatsAppIngestBench(
      Client client, String baseUrl, String jdbcUrl, String jdbcUser, String jdbcPassword) {
    this.client = client;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    this.jdbcUrl = jdbcUrl;
    this.jdbcUser = jdbcUser;
    this.jdbcPassword = jdbcPassword;
  }

  List<Result> run(int perLevel) throws Exception {
    client.post(
        "channels",
        """
        {"type":"whatsapp","name":"Bench","phoneNumberId":"%s","displayPhoneNumber":"+34900000001",
         "accessToken":"bench-token","appSecret":"%s","verifyToken":"bench-verify",
         "apiBaseUrl":"http://127.0.0.1:9","apiVersion":"v21.0"}"""
            .formatted(PHONE_ID, SECRET));
    List<Result> results = new ArrayList<>();
    String run = UUID.randomUUID().toString().substring(0, 8);
    long before = messages();
    long e2eStart = System.nanoTime();
    int sent = 0;
    double p99at64 = 0;
    long burstBefore = 0;
    long burstStart = 0;
    for (int connections : new int[] {1, 16, 64}) {
      int count = connections == 1 ? Math.max(perLevel / 4, 50) : perLevel;
      if (connections == 64) {
        // The burst: from its first delivery until its last message is on a ticket.
        while (messages() < before + sent) {
          Thread.sleep(50);
        }
        burstBefore = before + sent;
        burstStart = System.nanoTime();
      }
      double[] latencies = fire(run + "-" + connections, count, connections);
      sent += count;
      double seconds = latencies[latencies.length - 1];
      double[] sorted = Arrays.copyOf(latencies, latencies.length - 1);
      Arrays.sort(sorted);
      double p50 = sorted[sorted.length / 2];
      double p99 = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
      System.out.printf(
          Locale.ROOT,
          "webhook at %2d connections: %7.1f responses/s, p50 %6.1f ms, p99 %6.1f ms (%d deliveries)%n",
          connections,
          count / seconds,
          p50,
          p99,
          count);
      results.add(
          new Result(
              "webhook_rps_" + connections,
              count / seconds,
              "responses/s",
              null,
              null,
              "p50 " + fmt(p50) + " ms, p99 " + fmt(p99) + " ms"));
      if (connections == 64) {
        p99at64 = p99;
      }
    }
    long target = before + sent;
    while (messages() < target) {
      if (System.nanoTime() - e2eStart > 20L * 60 * 1_000_000_000) {
        throw new IllegalStateException(
            "Only " + (messages() - before) + " of " + sent + " messages committed");
      }
      Thread.sleep(100);
    }
    long end = System.nanoTime();
    double all = sent / ((end - e2eStart) / 1e9);
    int burst = (int) (target - burstBefore);
    double e2e = burst / ((end - burstStart) / 1e9);
    double limit = jdbcLimit(sent);
    double storeLimit = webhookStoreLimit(sent);
    results.add(
        0,
        new Result(
            "whatsapp_ingest_e2e",
            e2e,
            "msg/s",
            limit,
            "jdbc_limit",
            burst
                + " signed deliveries at 64 connections, from the first until all were committed"
                + " on tickets; "
                + fmt(100 * e2e / limit)
                + "% of the JDBC limit (all "
                + sent
                + " deliveries of the three levels, 1 connection included: "
                + fmt(all)
                + " msg/s)"));
    results.add(
        1, new Result("webhook_p99_ms_64", p99at64, "ms", null, null, "64 concurrent connections"));
    results.add(
        2,
        new Result(
            "webhook_store_limit",
            storeLimit,
            "rows/s",
            null,
            null,
            "the raw payload rows alone (same bodies), JDBC batches of 64 per commit on one"
                + " connection, same database: the acknowledging half's physical limit"));
    return results;
  }

  /**
   * Sends {@code count} signed deliveries over {@code connections} connections; last slot: seconds.
   */
  private double[] fire(String run, int count, int connections) throws Exception {
    double[] latencies = new double[count + 1];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      workers.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  byte[] body = payload(run, i);
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(baseUrl + "api/v1/webhooks/whatsapp"))
                          .header("Content-Type", "application/json")
                          .header("X-Hub-Signature-256", "sha256=" + hmac(body))
                          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                          .timeout(Duration.ofSeconds(60))
                          .build();
                  long t0 = System.nanoTime();
                  HttpResponse<Void> response =
                      http.send(request, HttpResponse.BodyHandlers.discarding());
                  latencies[i] = (System.nanoTime() - t0) / 1e6;
                  if (response.statusCode() != 200) {
                    throw new IllegalStateException("webhook answered " + response.statusCode());
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    latencies[count] = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return latencies;
  }

  private static byte[] payload(String run, int i) {
    String waId = "3461" + String.format("%07d", i % CUSTOMERS);
    long ts = System.currentTimeMillis() / 1000;
    return ("""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",
        "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"34900000001","phone_number_id":"%s"},
        "contacts":[{"profile":{"name":"Cliente %d 😊"},"wa_id":"%s"}],
        "messages":[{"from":"%s","id":"wamid.bench.%s.%d","timestamp":"%d","type":"text",
        "text":{"body":"Hola, ¿tenéis la talla M del modelo %d? Gracias 🙏"}}]}}]}]}"""
            .formatted(PHONE_ID, i % CUSTOMERS, waId, waId, run, i, ts, i))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String hmac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long messages() throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM message WHERE channel = 'WHATSAPP'")) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * The storage's limit for the acknowledging half: the raw payload rows alone (the same signed
   * bodies), in JDBC batches of 64 per transaction on one connection, into a scratch table shaped
   * like webhook_payload.
   */
  private double webhookStoreLimit(int count) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench_payload");
        s.execute(
            "CREATE TABLE bench_payload (id BIGSERIAL PRIMARY KEY, channel_id BIGINT NOT NULL,"
                + " body TEXT NOT NULL, status VARCHAR(16) NOT NULL, attempts INT NOT NULL,"
                + " next_attempt_at TIMESTAMPTZ NOT NULL, received_at TIMESTAMPTZ NOT NULL,"
                + " version BIGINT NOT NULL)");
        s.execute("CREATE INDEX ON bench_payload (status, next_attempt_at)");
      }
      c.setAutoCommit(false);
      List<String> bodies = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        bodies.add(new String(payload("limit", i), StandardCharsets.UTF_8));
      }
      long start = System.nanoTime();
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO bench_payload (channel_id, body, status, attempts, next_attempt_at,"
                  + " received_at, version) VALUES (1, ?, 'RECEIVED', 0, now(), now(), 1)")) {
        for (int i = 0; i < count; i++) {
          insert.setString(1, bodies.get(i));
          insert.addBatch();
          if (i % 64 == 63 || i == count - 1) {
            insert.executeBatch();
            c.commit();
          }
        }
      }
      double rate = count / ((System.nanoTime() - start) / 1e9);
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench_payload");
        c.commit();
      }
      return rate;
    }
  }

  /**
   * The storage's limit for the same work: per message a customer lookup by contact, an update of
   * the customer's open ticket (or a new ticket), the message and its event, in JDBC batches of 100
   * per transaction on one connection, into scratch tables shaped like ours.
   */
  private double jdbcLimit(int count) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword)) {
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench_event, bench_message, bench_ticket, bench_contact");
        s.execute(
            "CREATE TABLE bench_contact (id BIGSERIAL PRIMARY KEY, value VARCHAR(32) UNIQUE, name VARCHAR(200))");
        s.execute(
            "CREATE TABLE bench_ticket (id BIGSERIAL PRIMARY KEY, contact_id BIGINT, status VARCHAR(16), updated_at TIMESTAMPTZ, version BIGINT)");
        s.execute("CREATE INDEX ON bench_ticket (contact_id, status)");
        s.execute(
            "CREATE TABLE bench_message (id BIGSERIAL PRIMARY KEY, ticket_id BIGINT, external_id VARCHAR(200) UNIQUE, text_body TEXT, created_at TIMESTAMPTZ)");
        s.execute(
            "CREATE TABLE bench_event (id BIGSERIAL PRIMARY KEY, ticket_id BIGINT, type VARCHAR(32), at TIMESTAMPTZ)");
        for (int i = 0; i < CUSTOMERS; i++) {
          s.execute(
              "INSERT INTO bench_contact (value, name) VALUES ('+3461"
                  + String.format("%07d", i)
                  + "', 'Cliente "
                  + i
                  + "')");
        }
        s.execute(
            "INSERT INTO bench_ticket (contact_id, status, updated_at, version) SELECT id, 'NEW', now(), 0 FROM bench_contact");
      }
      c.setAutoCommit(false);
      long start = System.nanoTime();
      try (PreparedStatement findContact =
              c.prepareStatement("SELECT id FROM bench_contact WHERE value = ?");
          PreparedStatement findTicket =
              c.prepareStatement(
                  "SELECT id FROM bench_ticket WHERE contact_id = ? AND status <> 'RESOLVED' ORDER BY id DESC LIMIT 1");
          PreparedStatement touch =
              c.prepareStatement(
                  "UPDATE bench_ticket SET updated_at = now(), version = version + 1 WHERE id = ?");
          PreparedStatement message =
              c.prepareStatement(
                  "INSERT INTO bench_message (ticket_id, external_id, text_body, created_at) VALUES (?, ?, ?, now())");
          PreparedStatement event =
              c.prepareStatement(
                  "INSERT INTO bench_event (ticket_id, type, at) VALUES (?, 'MESSAGE_RECEIVED', now())")) {
        for (int i = 0; i < count; i++) {
          findContact.setString(1, "+3461" + String.format("%07d", i % CUSTOMERS));
          long contact;
          try (ResultSet r = findContact.executeQuery()) {
            r.next();
            contact = r.getLong(1);
          }
          findTicket.setLong(1, contact);
          long ticket;
          try (ResultSet r = findTicket.executeQuery()) {
            r.next();
            ticket = r.getLong(1);
          }
          touch.setLong(1, ticket);
          touch.addBatch();
          message.setLong(1, ticket);
          message.setString(2, "wamid.baseline." + i);
          message.setString(3, "Hola, ¿tenéis la talla M del modelo " + i + "?");
          message.addBatch();
          event.setLong(1, ticket);
          event.addBatch();
          if (i % 100 == 99 || i == count - 1) {
            touch.executeBatch();
            message.executeBatch();
            event.executeBatch();
            c.commit();
          }
        }
      }
      double rate = count / ((System.nanoTime() - start) / 1e9);
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS bench_event, bench_message, bench_ticket, bench_contact");
        c.commit();
      }
      return rate;
    }
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
