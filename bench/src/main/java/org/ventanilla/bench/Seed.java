package org.ventanilla.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A support desk after three months, written straight into PostgreSQL with generate_series (the
 * generated search columns and every index are filled by PostgreSQL itself), for the benchmarks
 * that read at scale: search, the inbox, the ticket page, a customer's history and the reports.
 *
 * <p>Tickets are created evenly over the last 90 days, ticket numbers growing with time. Recent
 * tickets are mostly open, old ones mostly resolved (a few stale ones stay open and breach their
 * SLA); new tickets are often unassigned, the rest belong to the admin and eight agents. Channels
 * are 55% WhatsApp, priorities 20% low, 60% normal, 15% high, 5% urgent; a quarter of the tickets
 * carry one of six tags. Every ticket has SLA due times from its priority (kept after resolution,
 * as the application keeps them), and the alerts the SLA scan would already have fired for the
 * clocks still running are there too, so the scan finds nothing to catch up on. Customers have
 * Spanish names from 20 first names and 30 surnames (see {@link #FIRST_NAMES}), a phone, one in
 * three an email too; they have about three tickets each and twenty frequent ones about fifty.
 * Messages alternate customer and agent (notes now and then, no replies yet on new tickets), about
 * ten per ticket, and one ticket has exactly {@link #LONG_TICKET_MESSAGES}. Each message says "ref"
 * and its own number, so that a word search finds exactly one message.
 *
 * <p>The seeded rows have ids and numbers far above what the application's sequences hand out, and
 * a second run against the same database finds them and seeds nothing.
 */
final class Seed {

  static final long ID_BASE = 1_000_000_000L;
  static final long NUMBER_BASE = 50_000_000L;
  static final int LONG_TICKET_MESSAGES = 200;
  static final int AGENTS = 8;
  static final int FREQUENT_CUSTOMERS = 20;
  static final List<String> TAGS =
      List.of("factura", "envio", "devolucion", "vip", "reclamacion", "garantia");

  /**
   * Customer g is called first name g % 20, then two surnames: about two customers share each full
   * name, and one in fifteen has García among their surnames.
   */
  static final List<String> FIRST_NAMES =
      List.of(
          "Lucía", "José", "María", "Ángel", "Begoña", "Pedro", "Carmen", "Javier", "Nuria",
          "Íñigo", "Sofía", "Andrés", "Pilar", "Raúl", "Marta", "Óscar", "Elena", "Sergio", "Rocío",
          "Tomás");

  static final List<String> SURNAMES =
      List.of(
          "García",
          "Núñez",
          "Martínez",
          "López",
          "Sánchez",
          "Pérez",
          "Gómez",
          "Fernández",
          "Rodríguez",
          "Díaz",
          "Muñoz",
          "Álvarez",
          "Romero",
          "Navarro",
          "Torres",
          "Domínguez",
          "Vázquez",
          "Ramos",
          "Gil",
          "Ramírez",
          "Serrano",
          "Blanco",
          "Molina",
          "Morales",
          "Suárez",
          "Ortega",
          "Delgado",
          "Castro",
          "Ortiz",
          "Rubio");

  /** The tables the seeder fills: what ANALYZE and the query plans look at. */
  static final List<String> TABLES =
      List.of(
          "agent",
          "customer",
          "customer_contact",
          "tag",
          "ticket",
          "ticket_tag",
          "message",
          "ticket_event",
          "sla_alert");

  /** What is in the database: enough for the benchmarks to pick existing rows. */
  record Data(
      String jdbcUrl, String user, String password, int tickets, long messages, int customers) {

    /** The ticket with {@link #LONG_TICKET_MESSAGES} messages. */
    long longTicketId() {
      return ID_BASE + longTicket(tickets);
    }

    long ticketId(int g) {
      return ID_BASE + g;
    }

    long ticketNumber(int g) {
      return NUMBER_BASE + g;
    }

    long customerId(int g) {
      return ID_BASE + g;
    }

    /** Customer g's name, as the seeder wrote it. */
    String customerName(int g) {
      int first = FIRST_NAMES.size();
      int surnames = SURNAMES.size();
      return FIRST_NAMES.get(g % first)
          + " "
          + SURNAMES.get((g / first) % surnames)
          + " "
          + SURNAMES.get((g / (first * surnames)) % surnames);
    }

    String note() {
      return String.format(
          Locale.ROOT, "%,d tickets, %,d messages, %,d customers", tickets, messages, customers);
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(jdbcUrl, user, password);
    }
  }

  private Seed() {}

  private static int longTicket(int tickets) {
    // A recent ticket, still being worked on.
    return tickets - Math.min(tickets - 1, 500);
  }

  /** Seeds unless an earlier run did; either way returns what is there. */
  static Data ensure(String url, String user, String password, int tickets, long messages)
      throws SQLException {
    if (tickets < 2 || messages < LONG_TICKET_MESSAGES + tickets - 1L) {
      throw new IllegalArgumentException(
          "Seed at least 2 tickets and one message per ticket besides the long ticket's");
    }
    int customers = Math.max(FREQUENT_CUSTOMERS + 1, tickets / 3);
    Data wanted = new Data(url, user, password, tickets, messages, customers);
    try (Connection connection = wanted.connect();
        Statement sql = connection.createStatement()) {
      Data present = present(sql, wanted);
      if (present != null) {
        System.out.println("Seeded data already there: " + present.note());
        return present;
      }
      long start = System.nanoTime();
      connection.setAutoCommit(false);
      // One transaction: now() is the same instant in every statement.
      sql.execute("SET LOCAL synchronous_commit = off");
      for (String statement : statements(wanted)) {
        long t0 = System.nanoTime();
        int rows = sql.executeUpdate(statement);
        System.out.printf(
            Locale.ROOT,
            "  seeded %,9d rows into %-16s %6.1f s%n",
            rows,
            statement.split("\\s+")[2],
            (System.nanoTime() - t0) / 1e9);
      }
      connection.commit();
      connection.setAutoCommit(true);
      // What autovacuum would have done on a database this old: statistics for the planner and a
      // visibility map, without which no index-only scan is possible.
      long t0 = System.nanoTime();
      for (String table : TABLES) {
        sql.execute("VACUUM (ANALYZE) " + table);
      }
      System.out.printf(
          Locale.ROOT,
          "  VACUUM (ANALYZE) %.1f s%nSeeded %s in %.1f s%n",
          (System.nanoTime() - t0) / 1e9,
          wanted.note(),
          (System.nanoTime() - start) / 1e9);
      return wanted;
    }
  }

  private static Data present(Statement sql, Data wanted) throws SQLException {
    try (ResultSet rows =
        sql.executeQuery(
            "SELECT (SELECT COUNT(*) FROM ticket WHERE id > "
                + ID_BASE
                + "), (SELECT COUNT(*) FROM message WHERE id > "
                + ID_BASE
                + "), (SELECT COUNT(*) FROM customer WHERE id > "
                + ID_BASE
                + ")")) {
      rows.next();
      if (rows.getInt(1) == 0) {
        return null;
      }
      return new Data(
          wanted.jdbcUrl(),
          wanted.user(),
          wanted.password(),
          rows.getInt(1),
          rows.getLong(2),
          rows.getInt(3));
    }
  }

  private static String quoted(List<String> values) {
    return "'" + String.join("','", values) + "'";
  }

  /** A pseudo-random number from 0 to 999 for row g, different for each salt; repeatable. */
  private static String h(String g, int salt) {
    return "((hashint4((" + g + ")::int # " + salt + ") & 2147483647) % 1000)";
  }

  private static List<String> statements(Data d) {
    int tickets = d.tickets();
    Map<String, String> values =
        Map.ofEntries(
            Map.entry("${ID}", String.valueOf(ID_BASE)),
            Map.entry("${NUMBER}", String.valueOf(NUMBER_BASE)),
            Map.entry("${T}", String.valueOf(tickets)),
            Map.entry("${M}", String.valueOf(d.messages())),
            Map.entry("${C}", String.valueOf(d.customers())),
            Map.entry("${F}", String.valueOf(FREQUENT_CUSTOMERS)),
            Map.entry("${A}", String.valueOf(AGENTS)),
            Map.entry("${LONG}", String.valueOf(longTicket(tickets))),
            Map.entry("${LONG_N}", String.valueOf(LONG_TICKET_MESSAGES)),
            // seconds between two tickets, so that they span 90 days
            Map.entry("${STEP}", String.valueOf(90.0 * 86400 / tickets)),
            Map.entry("${H1}", h("g", 11)),
            Map.entry("${H2}", h("g", 22)),
            Map.entry("${H3}", h("g", 33)),
            Map.entry("${H4}", h("g", 44)),
            Map.entry("${H5}", h("g", 55)),
            Map.entry("${H6}", h("g", 66)),
            Map.entry("${H7}", h("g", 77)),
            Map.entry("${HC}", "(hashint4(g # 88) & 2147483647)"),
            Map.entry("${TAGS}", quoted(TAGS)),
            Map.entry("${FIRST_NAMES}", quoted(FIRST_NAMES)),
            Map.entry("${FN}", String.valueOf(FIRST_NAMES.size())),
            Map.entry("${SURNAMES}", quoted(SURNAMES)),
            Map.entry("${SN}", String.valueOf(SURNAMES.size())));
    return SQL.stream()
        .map(
            statement -> {
              String text = statement;
              for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
              }
              return text;
            })
        .toList();
  }

  private static final List<String> SQL =
      List.of(
          """
          INSERT INTO agent (id, username, display_name, email, role, availability, active,
                             created_at, version)
          SELECT ${ID} + g, 'agente' || g, 'Agente ' || g, 'agente' || g || '@example.com',
                 'AGENT', 'ONLINE', TRUE, now() - interval '100 days', 0
          FROM generate_series(1, ${A}) g
          """,
          """
          INSERT INTO customer (id, name, created_at, updated_at, version)
          SELECT ${ID} + g,
                 (ARRAY[${FIRST_NAMES}])[1 + g % ${FN}]
                   || ' ' || (ARRAY[${SURNAMES}])[1 + (g / ${FN}) % ${SN}]
                   || ' ' || (ARRAY[${SURNAMES}])[1 + (g / (${FN} * ${SN})) % ${SN}],
                 now() - interval '120 days', now() - interval '120 days', 0
          FROM generate_series(1, ${C}) g
          """,
          """
          INSERT INTO customer_contact (id, customer_id, type, contact_value, created_at)
          SELECT ${ID} + g, ${ID} + g, 'PHONE', '+346' || lpad(g::text, 8, '0'),
                 now() - interval '120 days'
          FROM generate_series(1, ${C}) g
          UNION ALL
          SELECT ${ID} + ${C} + g, ${ID} + g, 'EMAIL', 'cliente' || g || '@example.com',
                 now() - interval '120 days'
          FROM generate_series(1, ${C}) g WHERE g % 3 = 0
          """,
          """
          INSERT INTO tag (id, name, name_key, colour, created_at, version)
          SELECT ${ID} + i, name, name, '#3b82f6', now() - interval '100 days', 0
          FROM unnest(ARRAY[${TAGS}]) WITH ORDINALITY AS tags(name, i)
          """,
          // Age decides the status; priority the SLA minutes (first response, resolution).
          """
          INSERT INTO ticket (id, number, subject, status, priority, channel, customer_id,
                              assignee_id, created_at, updated_at, first_response_at, resolved_at,
                              last_inbound_at, version, resolution_started_at,
                              first_response_warn_at, first_response_due_at,
                              resolution_warn_at, resolution_due_at)
          SELECT ${ID} + g, ${NUMBER} + g,
                 (ARRAY['Pedido sin recibir','Factura duplicada','Devolución',
                        'Cambio de dirección','Problema con el pago'])[1 + g % 5] || ' ' || g,
                 status, priority, channel, customer_id,
                 CASE WHEN status = 'NEW' AND h4 < 600 THEN NULL
                      ELSE agents.ids[1 + h4 % array_length(agents.ids, 1)] END,
                 created, created + span, first_response, resolved, created, 1, created,
                 created + fr * 0.75, created + fr, created + res * 0.75, created + res
          FROM (
            SELECT *,
                   CASE WHEN status = 'NEW' THEN NULL
                        ELSE created + least(span, fr * (0.2 + h6 / 700.0)) END AS first_response,
                   CASE WHEN status = 'RESOLVED' THEN created + span END AS resolved
            FROM (
              SELECT *,
                     CASE priority WHEN 'URGENT' THEN interval '30 minutes'
                                   WHEN 'HIGH' THEN interval '1 hour'
                                   WHEN 'NORMAL' THEN interval '4 hours'
                                   ELSE interval '8 hours' END AS fr,
                     CASE priority WHEN 'URGENT' THEN interval '4 hours'
                                   WHEN 'HIGH' THEN interval '8 hours'
                                   WHEN 'NORMAL' THEN interval '24 hours'
                                   ELSE interval '72 hours' END AS res,
                     least(age, interval '3 days') * (0.2 + h6 / 1250.0) AS span
              FROM (
                SELECT g, now() - age AS created, age, h4, h6,
                       CASE WHEN g = ${LONG} THEN 'IN_PROGRESS'
                            WHEN age < interval '2 days' THEN
                              CASE WHEN h1 < 300 THEN 'NEW' WHEN h1 < 700 THEN 'IN_PROGRESS'
                                   ELSE 'RESOLVED' END
                            WHEN age < interval '14 days' THEN
                              CASE WHEN h1 < 50 THEN 'NEW' WHEN h1 < 200 THEN 'IN_PROGRESS'
                                   ELSE 'RESOLVED' END
                            ELSE CASE WHEN h1 < 20 THEN 'IN_PROGRESS' ELSE 'RESOLVED' END
                       END AS status,
                       CASE WHEN h2 < 200 THEN 'LOW' WHEN h2 < 800 THEN 'NORMAL'
                            WHEN h2 < 950 THEN 'HIGH' ELSE 'URGENT' END AS priority,
                       CASE WHEN h3 < 550 THEN 'WHATSAPP' ELSE 'EMAIL' END AS channel,
                       CASE WHEN h5 < 10 THEN ${ID} + 1 + g % ${F}
                            ELSE ${ID} + ${F} + 1 + ${HC} % (${C} - ${F}) END AS customer_id
                FROM (
                  SELECT g, ((${T} - g) * ${STEP} + 60) * interval '1 second' AS age,
                         ${H1} AS h1, ${H2} AS h2, ${H3} AS h3, ${H4} AS h4, ${H5} AS h5,
                         ${H6} AS h6
                  FROM generate_series(1, ${T}) g
                ) hashed
              ) shaped
            ) timed
          ) t
          CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM agent WHERE active
                        AND (username = 'admin' OR id > ${ID})) agents
          """,
          """
          INSERT INTO ticket_tag (ticket_id, tag_id)
          SELECT ${ID} + g, ${ID} + 1 + ${H7} % 6 FROM generate_series(1, ${T}) g WHERE ${H7} < 250
          UNION ALL
          SELECT ${ID} + g, ${ID} + 1 + (${H7} + 3) % 6 FROM generate_series(1, ${T}) g
          WHERE ${H7} < 50
          """,
          // Message j: the first ${LONG_N} go to the long ticket, the others round-robin to the
          // rest, k-th on their ticket, spread over the ticket's life.
          """
          INSERT INTO message (id, ticket_id, direction, kind, channel, author_type, author_name,
                               agent_id, text_body, delivery_status, created_at)
          SELECT ${ID} + j, t.id,
                 CASE WHEN outbound THEN 'OUTBOUND' ELSE 'INBOUND' END,
                 CASE WHEN outbound AND k % 6 = 5 THEN 'NOTE' ELSE 'MESSAGE' END,
                 t.channel,
                 CASE WHEN outbound THEN 'AGENT' ELSE 'CUSTOMER' END,
                 CASE WHEN outbound THEN NULL ELSE c.name END,
                 CASE WHEN outbound THEN t.assignee_id END,
                 CASE WHEN NOT outbound THEN
                        'Hola, os escribo por el pedido. La acción no funcionó y necesito ayuda'
                        || ' con la devolución, referencia ref' || j || '. Gracias de antemano.'
                      WHEN k % 6 = 5 THEN
                        'Nota interna: revisar con logística antes de contestar (ref' || j || ').'
                      ELSE 'Gracias por escribirnos. Hemos revisado la incidencia ref' || j
                        || ' y le mantendremos informado.' END,
                 CASE WHEN NOT outbound OR k % 6 = 5 THEN NULL
                      WHEN t.channel = 'WHATSAPP' THEN 'READ' ELSE 'SENT' END,
                 t.created_at + (t.updated_at - t.created_at) * ((k + 0.5) / n)
          FROM (
            SELECT j, g, k, n
            FROM (
              SELECT j,
                     CASE WHEN j <= ${LONG_N} THEN ${LONG}
                          WHEN 1 + (j - ${LONG_N} - 1) % (${T} - 1) >= ${LONG}
                            THEN 2 + (j - ${LONG_N} - 1) % (${T} - 1)
                          ELSE 1 + (j - ${LONG_N} - 1) % (${T} - 1) END AS g,
                     CASE WHEN j <= ${LONG_N} THEN j - 1
                          ELSE (j - ${LONG_N} - 1) / (${T} - 1) END AS k,
                     CASE WHEN j <= ${LONG_N} THEN ${LONG_N} + 1
                          ELSE (${M} - ${LONG_N}) / (${T} - 1) + 1 END AS n
              FROM generate_series(1, ${M}) j
            ) placed
          ) m
          JOIN ticket t ON t.id = ${ID} + m.g
          JOIN customer c ON c.id = t.customer_id
          CROSS JOIN LATERAL (SELECT m.k % 2 = 1 AND t.status <> 'NEW' AS outbound) o
          """,
          """
          INSERT INTO ticket_event (id, ticket_id, type, actor, at, before_value, after_value,
                                    details)
          SELECT ${ID} + g, ${ID} + g, 'CREATED', 'system', t.created_at, NULL, 'new',
                 '#' || t.number
          FROM generate_series(1, ${T}) g JOIN ticket t ON t.id = ${ID} + g
          UNION ALL
          SELECT ${ID} + ${T} + g, ${ID} + g, 'STATUS_CHANGED', a.username, t.resolved_at,
                 'in_progress', 'resolved', NULL
          FROM generate_series(1, ${T}) g JOIN ticket t ON t.id = ${ID} + g
          JOIN agent a ON a.id = t.assignee_id
          WHERE t.status = 'RESOLVED'
          """,
          // What the SLA scan fired while the clocks ran: a warning once past the warning time,
          // a breach once past the due time.
          """
          INSERT INTO sla_alert (id, ticket_id, clock, stage, due_at, fired_at)
          SELECT t.id + 0 * ${T}, t.id, 'FIRST_RESPONSE', 'WARNING', t.first_response_due_at,
                 t.first_response_warn_at
          FROM ticket t WHERE t.id > ${ID} AND t.first_response_at IS NULL
            AND t.status <> 'RESOLVED' AND t.first_response_warn_at <= now()
          UNION ALL
          SELECT t.id + 1 * ${T}, t.id, 'FIRST_RESPONSE', 'BREACH', t.first_response_due_at,
                 t.first_response_due_at
          FROM ticket t WHERE t.id > ${ID} AND t.first_response_at IS NULL
            AND t.status <> 'RESOLVED' AND t.first_response_due_at <= now()
          UNION ALL
          SELECT t.id + 2 * ${T}, t.id, 'RESOLUTION', 'WARNING', t.resolution_due_at,
                 t.resolution_warn_at
          FROM ticket t WHERE t.id > ${ID} AND t.resolved_at IS NULL
            AND t.status <> 'RESOLVED' AND t.resolution_warn_at <= now()
          UNION ALL
          SELECT t.id + 3 * ${T}, t.id, 'RESOLUTION', 'BREACH', t.resolution_due_at,
                 t.resolution_due_at
          FROM ticket t WHERE t.id > ${ID} AND t.resolved_at IS NULL
            AND t.status <> 'RESOLVED' AND t.resolution_due_at <= now()
          """);
}
