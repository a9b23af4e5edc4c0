package org.ventanilla.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query plans of what the measured requests run, on the seeded data: one line per statement,
 * and the whole EXPLAIN (ANALYZE, BUFFERS) of every one that reads a big table sequentially.
 *
 * <p>The statements are those EclipseLink and the native queries sent for each request, copied from
 * PostgreSQL's log ({@code log_min_duration_statement = 0}) with their parameters filled in and the
 * select lists shortened (the plan depends on the tables, conditions, order and limit). When a
 * repository's query changes, its copy here must follow.
 */
final class Plans {

  /** Tables that grow with the desk: a sequential scan on them grows too. */
  private static final Set<String> BIG =
      Set.of("ticket", "message", "customer", "customer_contact", "ticket_event", "ticket_tag");

  private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");
  private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([\\d.]+) ms");
  private static final Pattern BUFFERS =
      Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?");

  private static final String OPEN = "t1.status IN ('NEW','IN_PROGRESS')";
  private static final String LIST =
      "SELECT t1.*, t0.name, t2.username FROM ticket t1 LEFT OUTER JOIN agent t2"
          + " ON (t2.id = t1.assignee_id), customer t0 WHERE t0.id = t1.customer_id";
  private static final String PAGE = " ORDER BY t1.updated_at DESC, t1.id DESC LIMIT 25 OFFSET 0";

  private Plans() {}

  /** A statement, and why a sequential scan is there when it is the right plan. */
  private record Query(String sql, String whenSequential) {}

  static void print(Seed.Data data) throws SQLException {
    Map<String, Query> statements = statements(data);
    List<String> sequential = new ArrayList<>();
    System.out.println();
    System.out.println(
        "Query plans of the measured requests (EXPLAIN ANALYZE, one run each, jit off as the"
            + " server's connections):");
    try (Connection connection = data.connect();
        Statement sql = connection.createStatement()) {
      sql.execute("SET jit = off");
      for (Map.Entry<String, Query> statement : statements.entrySet()) {
        List<String> plan = new ArrayList<>();
        try (ResultSet rows =
            sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + statement.getValue().sql())) {
          while (rows.next()) {
            plan.add(rows.getString(1));
          }
        }
        String text = String.join("\n", plan);
        List<String> scanned = new ArrayList<>();
        Matcher seq = SEQ_SCAN.matcher(text);
        while (seq.find()) {
          if (BIG.contains(seq.group(1)) && !scanned.contains(seq.group(1))) {
            scanned.add(seq.group(1));
          }
        }
        Matcher time = EXECUTION.matcher(text);
        Matcher buffers =
            BUFFERS.matcher(plan.get(0) + "\n" + (plan.size() > 1 ? plan.get(1) : ""));
        long pages = 0;
        if (buffers.find()) {
          pages =
              Long.parseLong(buffers.group(1))
                  + (buffers.group(2) == null ? 0 : Long.parseLong(buffers.group(2)));
        }
        System.out.printf(
            Locale.ROOT,
            "  %-34s %8s ms %8d pages  %s%n",
            statement.getKey(),
            time.find() ? time.group(1) : "?",
            pages,
            scanned.isEmpty()
                ? "indexes only"
                : "SEQUENTIAL SCAN on " + String.join(", ", scanned));
        if (!scanned.isEmpty()) {
          sequential.add(
              "--- "
                  + statement.getKey()
                  + ": "
                  + statement.getValue().whenSequential()
                  + "\n"
                  + statement.getValue().sql()
                  + "\n"
                  + text);
        }
      }
    }
    for (String plan : sequential) {
      System.out.println();
      System.out.println(plan);
    }
    System.out.println();
  }

  private static Map<String, Query> statements(Seed.Data data) {
    Map<String, Query> all = new LinkedHashMap<>();
    String none = "no reason: should use an index";
    all.put(
        "inbox mine: page",
        new Query(
            "SELECT t1.*, t0.name, t2.username FROM customer t0, agent t2, ticket t1 WHERE "
                + OPEN
                + " AND t2.username = 'admin' AND t2.id = t1.assignee_id AND t0.id = t1.customer_id"
                + PAGE,
            none));
    all.put(
        "inbox mine: count",
        new Query(
            "SELECT COUNT(t0.id) FROM ticket t0, agent t1 WHERE t0.status IN ('NEW','IN_PROGRESS')"
                + " AND t1.username = 'admin' AND t1.id = t0.assignee_id",
            none));
    all.put(
        "inbox unassigned: page",
        new Query(LIST + " AND " + OPEN + " AND t1.assignee_id IS NULL" + PAGE, none));
    all.put(
        "inbox unassigned: count",
        new Query(
            "SELECT COUNT(id) FROM ticket WHERE status IN ('NEW','IN_PROGRESS')"
                + " AND assignee_id IS NULL",
            none));
    all.put("inbox open: page", new Query(LIST + " AND " + OPEN + PAGE, none));
    all.put(
        "inbox open: count",
        new Query("SELECT COUNT(id) FROM ticket WHERE status IN ('NEW','IN_PROGRESS')", none));
    all.put(
        "inbox resolved: page", new Query(LIST + " AND t1.status IN ('RESOLVED')" + PAGE, none));
    String countsAll =
        "counting nearly every ticket: the planner reads the whole table or the whole status"
            + " index, as their costs are close";
    all.put(
        "inbox resolved: count",
        new Query("SELECT COUNT(id) FROM ticket WHERE status IN ('RESOLVED')", countsAll));
    all.put("inbox all: page", new Query(LIST + PAGE, none));
    all.put("inbox all: count", new Query("SELECT COUNT(id) FROM ticket", countsAll));
    String tagged =
        " AND EXISTS (SELECT 1 FROM ticket_tag t3, tag t4 WHERE t4.name_key = 'vip'"
            + " AND t3.ticket_id = t1.id AND t4.id = t3.tag_id)";
    all.put("inbox open + tag: page", new Query(LIST + " AND " + OPEN + tagged + PAGE, none));
    all.put(
        "inbox open + tag: count",
        new Query("SELECT COUNT(t1.id) FROM ticket t1 WHERE " + OPEN + tagged, none));
    String text =
        " AND (t1.id IN (SELECT x.id FROM ticket x WHERE LOWER(x.subject) LIKE '%pago%')"
            + " OR t1.customer_id IN (SELECT n.id FROM customer n"
            + " WHERE LOWER(n.name) LIKE '%pago%'))";
    String textWhy =
        "the words may be in the subject or in the customer's name: both sets come from their"
            + " trigram indexes, then each ticket is checked against them by key";
    all.put("saved view (text): page", new Query(LIST + text + PAGE, textWhy));
    all.put(
        "saved view (text): count",
        new Query("SELECT COUNT(t1.id) FROM ticket t1 WHERE TRUE" + text, textWhy));
    long ticket = data.longTicketId();
    all.put(
        "ticket page: messages",
        new Query(
            "SELECT m.*, a.username FROM message m LEFT OUTER JOIN agent a ON (a.id = m.agent_id)"
                + " WHERE m.ticket_id = "
                + ticket
                + " ORDER BY m.created_at, m.id",
            none));
    all.put(
        "ticket page: events",
        new Query(
            "SELECT * FROM ticket_event WHERE ticket_id = " + ticket + " ORDER BY at, id", none));
    long frequent = data.customerId(1);
    all.put(
        "customer history: tickets",
        new Query(
            LIST
                + " AND t1.customer_id = "
                + frequent
                + " ORDER BY t1.created_at DESC, t1.id DESC LIMIT 200",
            none));
    all.put(
        "customer history: contacts",
        new Query(
            "SELECT * FROM customer_contact WHERE customer_id = " + frequent + " ORDER BY id",
            none));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String from = today.minusDays(95) + " 00:00:00+00";
    String to = today.plusDays(1) + " 00:00:00+00";
    String minutes = "date_part('epoch', t.first_response_at - t.created_at) / 60";
    all.put(
        "report summary (whole range)",
        new Query(
            "SELECT COUNT(*), SUM(CASE WHEN t.status <> 'RESOLVED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN t.resolved_at <= t.created_at + INTERVAL '1' DAY"
                + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN (t.first_response_due_at IS NOT NULL"
                + " OR t.resolution_due_at IS NOT NULL) THEN 1 ELSE 0 END),"
                + " AVG("
                + minutes
                + "), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "
                + minutes
                + "), SUM(CASE WHEN t.channel = 'EMAIL' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN t.channel = 'WHATSAPP' THEN 1 ELSE 0 END)"
                + " FROM ticket t WHERE t.created_at >= '"
                + from
                + "' AND t.created_at < '"
                + to
                + "' AND ('ALL' = 'ALL' OR t.channel = 'ALL')",
            "the range holds every ticket and the report aggregates them all, in one pass"));
    for (Map.Entry<String, String> search : searches(data).entrySet()) {
      all.put(
          search.getKey(),
          new Query(
              search.getValue(),
              "the words may be anywhere (subject, customer name, messages): see the plan"));
    }
    all.put(
        "SLA scan (every 3 s, 1 of 4)",
        new Query(
            "SELECT t0.id, t0.resolution_due_at FROM ticket t0 WHERE t0.resolution_warn_at <= now()"
                + " AND t0.resolution_due_at <= now() AND t0.resolved_at IS NULL"
                + " AND t0.status <> 'RESOLVED' AND NOT EXISTS (SELECT 1 FROM sla_alert t1"
                + " WHERE t1.ticket_id = t0.id AND t1.clock = 'RESOLUTION' AND t1.stage = 'BREACH'"
                + " AND t1.due_at = t0.resolution_due_at) ORDER BY t0.resolution_warn_at LIMIT 100",
            none));
    return all;
  }

  /** The ticket search's statement (SearchRepository.tickets) for a number, a name, a phone. */
  private static Map<String, String> searches(Seed.Data data) {
    Map<String, String> searches = new LinkedHashMap<>();
    String name = Search.fold(data.customerName(777));
    searches.put("search name: tickets", Search.tickets(List.of(name.split(" ")), null, null));
    // As SearchBench types customer 777's phone, +34600000777.
    searches.put(
        "search phone: tickets", Search.tickets(List.of("600", "000", "777"), null, "600000777"));
    long number = data.ticketNumber(12345);
    searches.put(
        "search number: tickets", Search.tickets(List.of(String.valueOf(number)), number, null));
    searches.put("search word: tickets", Search.tickets(List.of("ref123456"), null, null));
    searches.put("search common word: tickets", Search.tickets(List.of("pedido"), null, null));
    return searches;
  }

  /** A copy of SearchRepository's statement with its parameters written in. */
  private static final class Search {

    static String fold(String text) {
      return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
          .replaceAll("\\p{M}", "")
          .toLowerCase(Locale.ROOT);
    }

    static String tickets(List<String> words, Long number, String phoneDigits) {
      StringBuilder sql = new StringBuilder();
      sql.append(
          "SELECT t.id, t.number, t.subject, t.status, c.id, c.name, (SELECT m.text_body FROM"
              + " message m WHERE m.ticket_id = t.id AND (");
      for (int i = 0; i < words.size(); i++) {
        sql.append(i == 0 ? "" : " OR ").append(inMessage(words.get(i)));
      }
      sql.append(") ORDER BY m.created_at, m.id FETCH FIRST 1 ROWS ONLY) AS excerpt");
      sql.append(" FROM ticket t JOIN customer c ON c.id = t.customer_id WHERE t.id = ANY (ARRAY(");
      sql.append("SELECT n.id FROM ticket n WHERE ")
          .append(number == null ? "1 = 0" : "n.number = " + number);
      if (phoneDigits != null) {
        sql.append(
                " UNION SELECT pt.id FROM ticket pt WHERE pt.customer_id = ANY (ARRAY(SELECT"
                    + " cc.customer_id FROM customer_contact cc WHERE cc.type = 'PHONE' AND ")
            .append(like("cc.search_digits", phoneDigits))
            .append("))");
      }
      sql.append(" UNION SELECT wi.id FROM (");
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i);
        sql.append(i == 0 ? "" : " INTERSECT ");
        sql.append("SELECT w" + i + ".id FROM (SELECT s.id AS id FROM ticket s WHERE ")
            .append(like("s.search_subject", word))
            .append(
                " UNION SELECT ct.id AS id FROM ticket ct WHERE ct.customer_id = ANY (ARRAY("
                    + "SELECT cn.id FROM customer cn WHERE ")
            .append(like("cn.search_name", word))
            .append("))")
            .append(" UNION SELECT d.ticket_id AS id FROM ticket_search d WHERE ")
            .append(inMessage(word).replace("m.search_tsv", "d.document"))
            .append(") w" + i);
      }
      sql.append(") wi)) ORDER BY CASE WHEN ")
          .append(number == null ? "1 = 0" : "t.number = " + number)
          .append(" THEN 0 WHEN ")
          .append(like("t.search_subject", words.get(0)))
          .append(" THEN 1 ELSE 2 END, t.updated_at DESC, t.id DESC")
          .append(" OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY");
      return sql.toString();
    }

    private static String like(String column, String word) {
      return column + " LIKE '%" + word.replace("'", "''") + "%'";
    }

    private static String inMessage(String word) {
      String quoted = "'" + word.replace("'", "''") + "'";
      return "m.search_tsv @@ (plainto_tsquery('spanish', "
          + quoted
          + ") || plainto_tsquery('english', "
          + quoted
          + "))";
    }
  }
}
