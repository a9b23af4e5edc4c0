package org.ventanilla.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Search latency on seeded data: tickets, messages and customers written straight into the database
 * with SQL (generate_series, so the generated search columns and indexes are filled by PostgreSQL
 * itself), then searches through the REST API by ticket number, customer name, phone number
 * (spaced, as people type it) and a word that occurs in one message. Prints p50 and p99.
 */
final class SearchBench {

  /** Seeded rows get ids and numbers far above what the application's sequences hand out. */
  private static final long ID_BASE = 1_000_000_000L;

  private static final long NUMBER_BASE = 50_000_000L;
  private static final int MESSAGES_PER_TICKET = 10;
  private static final int SEARCHES = 200;

  private SearchBench() {}

  static List<Result> run(Client client, String jdbcUrl, String user, String password, int tickets)
      throws Exception {
    int customers = Math.max(1, tickets / 4);
    long seedStart = System.nanoTime();
    seed(jdbcUrl, user, password, tickets, customers);
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "Seeded %d tickets, %d messages, %d customers in %.1f s%n",
        tickets,
        (long) tickets * MESSAGES_PER_TICKET,
        customers,
        seedSeconds);
    Random random = new Random(42);
    String note = tickets + " tickets, " + (long) tickets * MESSAGES_PER_TICKET + " messages";
    List<Result> results = new ArrayList<>();
    results.addAll(
        measure(
            client,
            "search by number",
            note,
            i -> "#" + (NUMBER_BASE + 1 + random.nextInt(tickets))));
    results.addAll(
        measure(client, "search by name", note, i -> "garcia " + (1 + random.nextInt(customers))));
    results.addAll(
        measure(
            client,
            "search by phone",
            note,
            i -> {
              String digits = String.format(Locale.ROOT, "%08d", 1 + random.nextInt(customers));
              return "6"
                  + digits.substring(0, 2)
                  + " "
                  + digits.substring(2, 5)
                  + " "
                  + digits.substring(5);
            }));
    results.addAll(
        measure(
            client,
            "search by word",
            note,
            i -> "ref" + (1 + random.nextInt(tickets * MESSAGES_PER_TICKET))));
    return results;
  }

  private static void seed(String url, String user, String password, int tickets, int customers)
      throws Exception {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute(
          "INSERT INTO customer (id, name, created_at, updated_at, version)"
              + " SELECT "
              + ID_BASE
              + " + g, (ARRAY['Lucía','José','María','Ángel','Begoña','Pedro'])[1 + g % 6]"
              + " || ' García Núñez ' || g, now(), now(), 0 FROM generate_series(1, "
              + customers
              + ") g");
      sql.execute(
          "INSERT INTO customer_contact (id, customer_id, type, contact_value, created_at)"
              + " SELECT "
              + ID_BASE
              + " + g, "
              + ID_BASE
              + " + g, 'PHONE', '+346' || lpad(g::text, 8, '0'), now()"
              + " FROM generate_series(1, "
              + customers
              + ") g");
      sql.execute(
          "INSERT INTO ticket (id, number, subject, status, priority, channel, customer_id,"
              + " created_at, updated_at, version) SELECT "
              + ID_BASE
              + " + g, "
              + NUMBER_BASE
              + " + g, (ARRAY['Pedido sin recibir','Factura duplicada','Devolución','Cambio de"
              + " dirección','Problema con el pago'])[1 + g % 5] || ' ' || g,"
              + " 'NEW', 'NORMAL', 'EMAIL', "
              + ID_BASE
              + " + 1 + g % "
              + customers
              + ", now() - g * interval '1 minute', now() - g * interval '1 minute', 0"
              + " FROM generate_series(1, "
              + tickets
              + ") g");
      sql.execute(
          "INSERT INTO message (id, ticket_id, direction, kind, channel, author_type, text_body,"
              + " created_at) SELECT "
              + ID_BASE
              + " + g, "
              + ID_BASE
              + " + 1 + g % "
              + tickets
              + ", 'INBOUND', 'MESSAGE', 'EMAIL', 'CUSTOMER', 'Hola, os escribo por el pedido."
              + " La acción no funcionó y necesito ayuda con la devolución, referencia ref' || g"
              + " || '. Gracias de antemano.', now() - g * interval '1 second'"
              + " FROM generate_series(1, "
              + (long) tickets * MESSAGES_PER_TICKET
              + ") g");
      sql.execute("ANALYZE customer");
      sql.execute("ANALYZE customer_contact");
      sql.execute("ANALYZE ticket");
      sql.execute("ANALYZE message");
    }
  }

  private static List<Result> measure(
      Client client, String name, String note, IntFunction<String> queries) throws Exception {
    for (int i = 0; i < 10; i++) {
      client.get("search?size=25&q=" + URLEncoder.encode(queries.apply(i), StandardCharsets.UTF_8));
    }
    long[] nanos = new long[SEARCHES];
    for (int i = 0; i < SEARCHES; i++) {
      String q = URLEncoder.encode(queries.apply(i), StandardCharsets.UTF_8);
      long start = System.nanoTime();
      client.get("search?size=25&q=" + q);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return List.of(
        new Result(name + " p50", nanos[SEARCHES / 2] / 1e6, "ms", null, null, note),
        new Result(name + " p99", nanos[SEARCHES * 99 / 100] / 1e6, "ms", null, null, note));
  }
}
