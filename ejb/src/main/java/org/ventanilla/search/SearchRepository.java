package org.ventanilla.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.persistence.sessions.Session;
import org.ventanilla.common.Page.PageRequest;

/**
 * The search queries, in SQL because they use what JPQL cannot name: the folded generated columns
 * of migration V7_1 and, on PostgreSQL, full-text search. Every condition is answered by the
 * database (with indexes on PostgreSQL); rows come back already matched, ranked and paginated.
 */
@ApplicationScoped
public class SearchRepository {

  @PersistenceContext private EntityManager em;

  /** One row per ticket: id, number, subject, status, customer id, customer name, message text. */
  public List<Object[]> tickets(SearchQuery q, PageRequest page) {
    Sql sql = new Sql(postgres());
    sql.append(
        "SELECT t.id, t.number, t.subject, t.status, c.id, c.name, (SELECT m.text_body FROM message"
            + " m WHERE m.ticket_id = t.id AND (");
    sql.anyWordInMessage(q.words());
    sql.append(") ORDER BY m.created_at, m.id FETCH FIRST 1 ROWS ONLY) AS excerpt");
    ticketsFromWhere(sql, q);
    sql.append(" ORDER BY CASE WHEN ");
    sql.numberIs(q.number());
    sql.append(" THEN 0 WHEN ");
    sql.like("t.search_subject", q.words().isEmpty() ? "" : q.words().get(0));
    sql.append(" THEN 1 ELSE 2 END, t.updated_at DESC, t.id DESC");
    sql.append(" OFFSET ").append(String.valueOf(page.offset()));
    sql.append(" ROWS FETCH FIRST ").append(String.valueOf(page.size())).append(" ROWS ONLY");
    return rows(sql);
  }

  public long countTickets(SearchQuery q) {
    Sql sql = new Sql(postgres());
    sql.append("SELECT COUNT(*)");
    ticketsFromWhere(sql, q);
    return ((Number) sql.query(em).getSingleResult()).longValue();
  }

  /**
   * Tickets whose id is in one set expression: the ticket by number, the tickets of a customer with
   * that phone, and, for the words, the intersection of one candidate set per word (subject,
   * customer name, messages). One set lets the database answer each branch from its index and join
   * by primary key, where OR-ed conditions would scan every ticket. On PostgreSQL the set is an
   * array: a word's message branch is estimated at 0.5% of all messages however rare the word, and
   * with that estimate the planner joined the set to every ticket and customer by hash (30 to 70 ms
   * for one hit at 100,000 tickets, 1 ms by key).
   */
  private static void ticketsFromWhere(Sql sql, SearchQuery q) {
    sql.append(" FROM ticket t JOIN customer c ON c.id = t.customer_id WHERE t.id");
    sql.append(sql.postgres ? " = ANY (ARRAY(" : " IN (");
    sql.append("SELECT n.id FROM ticket n WHERE ");
    sql.numberIs("n.number", q.number());
    if (q.phoneDigits() != null) {
      sql.append(" UNION SELECT pt.id FROM ticket pt WHERE ");
      sql.customerIn(
          "pt.customer_id",
          "SELECT cc.customer_id FROM customer_contact cc WHERE cc.type = 'PHONE' AND",
          () -> sql.like("cc.search_digits", q.phoneDigits()));
    }
    if (!q.words().isEmpty()) {
      sql.append(" UNION SELECT wi.id FROM (");
      for (int i = 0; i < q.words().size(); i++) {
        String word = q.words().get(i);
        sql.append(i == 0 ? "" : " INTERSECT ");
        sql.append("SELECT w" + i + ".id FROM (SELECT s.id AS id FROM ticket s WHERE ");
        sql.like("s.search_subject", word);
        sql.append(" UNION SELECT ct.id AS id FROM ticket ct WHERE ");
        sql.customerIn(
            "ct.customer_id",
            "SELECT cn.id FROM customer cn WHERE",
            () -> sql.like("cn.search_name", word));
        sql.wordInTickets(word);
        sql.append(") w" + i);
      }
      sql.append(") wi");
    }
    sql.append(sql.postgres ? "))" : ")");
  }

  /**
   * Whether every word is in at least {@code cap} tickets' messages: then the set of matches is too
   * large to gather, count and sort, and {@link #newestTickets} answers instead. Only PostgreSQL
   * keeps search documents; on H2 (small desks) the answer is always no. Each count stops at the
   * cap, so a rare word costs one index probe and a common one reads {@code cap} rows.
   */
  public boolean everyWordInAtLeast(SearchQuery q, int cap) {
    if (!postgres() || q.words().isEmpty() || q.number() != null || q.phoneDigits() != null) {
      return false;
    }
    for (String word : q.words()) {
      Sql sql = new Sql(true);
      sql.append("SELECT COUNT(*) FROM (SELECT 1 FROM ticket_search d WHERE ");
      sql.wordInDocument("d.document", word);
      sql.append(" FETCH FIRST ").append(String.valueOf(cap)).append(" ROWS ONLY) x");
      if (((Number) sql.query(em).getSingleResult()).longValue() < cap) {
        return false;
      }
    }
    return true;
  }

  /**
   * For words that are everywhere: the newest {@code cap} matching tickets (walked newest first, so
   * the walk stops after about cap / share rows), ranked among themselves (subject first, then
   * full-text rank, then recency) and paginated. Rows as {@link #tickets}, plus the number of those
   * candidates (at most cap: the caller shows "cap+").
   */
  public List<Object[]> newestTickets(SearchQuery q, PageRequest page, int cap) {
    Sql sql = new Sql(true);
    sql.append(
        "SELECT r.id, r.number, r.subject, r.status, r.customer_id, r.name, (SELECT m.text_body"
            + " FROM message m WHERE m.ticket_id = r.id AND (");
    sql.anyWordInMessage(q.words());
    sql.append(") ORDER BY m.created_at, m.id FETCH FIRST 1 ROWS ONLY) AS excerpt, r.candidates");
    sql.append(" FROM (SELECT w.id, w.number, w.subject, w.status, w.customer_id, w.updated_at,");
    sql.append(" c.name, COUNT(*) OVER () AS candidates, CASE WHEN ");
    sql.like("w.search_subject", q.words().get(0));
    sql.append(" THEN 0 ELSE 1 END AS in_subject, ts_rank(coalesce(w.document, ''::tsvector), ");
    for (int i = 0; i < q.words().size(); i++) {
      sql.append(i == 0 ? "(" : " && (");
      sql.wordQuery(q.words().get(i));
      sql.append(")");
    }
    sql.append(") AS rank FROM (SELECT t.id, t.number, t.subject, t.status, t.customer_id,");
    sql.append(" t.updated_at, t.search_subject, d.document FROM ticket t");
    sql.append(" LEFT JOIN ticket_search d ON d.ticket_id = t.id WHERE ");
    for (int i = 0; i < q.words().size(); i++) {
      String word = q.words().get(i);
      sql.append(i == 0 ? "(" : " AND (");
      sql.like("t.search_subject", word);
      sql.append(" OR ");
      sql.customerIn(
          "t.customer_id",
          "SELECT cn.id FROM customer cn WHERE",
          () -> sql.like("cn.search_name", word));
      sql.append(" OR ");
      sql.wordInDocument("d.document", word);
      sql.append(")");
    }
    sql.append(" ORDER BY t.updated_at DESC, t.id DESC FETCH FIRST ").append(String.valueOf(cap));
    sql.append(" ROWS ONLY) w JOIN customer c ON c.id = w.customer_id");
    sql.append(" ORDER BY in_subject, rank DESC, w.updated_at DESC, w.id DESC");
    sql.append(" OFFSET ").append(String.valueOf(page.offset()));
    sql.append(" ROWS FETCH FIRST ").append(String.valueOf(page.size())).append(" ROWS ONLY) r");
    sql.append(" ORDER BY r.in_subject, r.rank DESC, r.updated_at DESC, r.id DESC");
    return rows(sql);
  }

  /** One row per customer: id, name, best-first. Same one-set shape as the tickets. */
  public List<Object[]> customers(SearchQuery q, int limit) {
    Sql sql = new Sql(postgres());
    sql.append(
        "SELECT c.id, c.name FROM customer c WHERE c.id IN (SELECT 0 FROM customer z WHERE 1 = 0");
    if (q.phoneDigits() != null) {
      sql.append(
          " UNION SELECT cc.customer_id FROM customer_contact cc WHERE cc.type = 'PHONE' AND ");
      sql.like("cc.search_digits", q.phoneDigits());
    }
    if (!q.words().isEmpty()) {
      sql.append(" UNION SELECT wi.id FROM (");
      for (int i = 0; i < q.words().size(); i++) {
        String word = q.words().get(i);
        sql.append(i == 0 ? "" : " INTERSECT ");
        sql.append("SELECT w" + i + ".id FROM (SELECT n.id AS id FROM customer n WHERE ");
        sql.like("n.search_name", word);
        sql.append(" UNION SELECT cv.customer_id AS id FROM customer_contact cv WHERE ");
        sql.like("cv.contact_value", word);
        sql.append(") w" + i);
      }
      sql.append(") wi");
    }
    sql.append(") ORDER BY CASE WHEN ");
    sql.like("c.search_name", q.words().isEmpty() ? "" : q.words().get(0), false);
    sql.append(" THEN 0 ELSE 1 END, c.name, c.id");
    sql.append(" FETCH FIRST ").append(String.valueOf(limit)).append(" ROWS ONLY");
    return rows(sql);
  }

  /** customer id, type, value for these customers, in one query. */
  public List<Object[]> contactsOf(Collection<Long> customerIds) {
    if (customerIds.isEmpty()) {
      return List.of();
    }
    Query query =
        em.createNativeQuery(
            "SELECT customer_id, type, contact_value FROM customer_contact"
                + " WHERE customer_id IN ("
                + String.join(",", customerIds.stream().map(String::valueOf).toList())
                + ") ORDER BY customer_id, id");
    return castRows(query.getResultList());
  }

  private List<Object[]> rows(Sql sql) {
    return castRows(sql.query(em).getResultList());
  }

  private static List<Object[]> castRows(List<?> rows) {
    return rows.stream().map(Object[].class::cast).toList();
  }

  private boolean postgres() {
    return em.unwrap(Session.class).getDatasourcePlatform().isPostgreSQL();
  }

  /** SQL text with positional parameters, written for the database at hand. */
  private static final class Sql {
    private final boolean postgres;
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    Sql(boolean postgres) {
      this.postgres = postgres;
    }

    Sql append(String part) {
      text.append(part);
      return this;
    }

    void parameter(Object value) {
      parameters.add(value);
      text.append('?').append(parameters.size());
    }

    /**
     * "column is one of the customers that {@code selectWhere} followed by {@code condition}
     * finds". On PostgreSQL as {@code = ANY (ARRAY(...))}: the tickets then come from the customer
     * index, where a join with a common name's thousands of customers made the planner read the
     * whole ticket table once per word (half the time of a three-word name at 100,000 tickets).
     */
    void customerIn(String column, String selectWhere, Runnable condition) {
      text.append(column).append(postgres ? " = ANY (ARRAY(" : " IN (").append(selectWhere);
      text.append(' ');
      condition.run();
      text.append(postgres ? "))" : ")");
    }

    void numberIs(Long number) {
      numberIs("t.number", number);
    }

    void numberIs(String column, Long number) {
      if (number == null) {
        text.append("1 = 0");
      } else {
        text.append(column).append(" = ");
        parameter(number);
      }
    }

    void like(String column, String word) {
      like(column, word, true);
    }

    /** column contains (or, with anywhere false, starts with) the word; wildcards escaped. */
    void like(String column, String word, boolean anywhere) {
      String escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      text.append(column).append(" LIKE ");
      parameter((anywhere ? "%" : "") + escaped + "%");
      text.append(" ESCAPE '\\'");
    }

    /**
     * " UNION" the tickets with a message holding the word: on PostgreSQL from the tickets' search
     * documents (migration V22), on H2 from the messages.
     */
    void wordInTickets(String word) {
      if (postgres) {
        text.append(" UNION SELECT d.ticket_id AS id FROM ticket_search d WHERE ");
        wordInDocument("d.document", word);
      } else {
        text.append(" UNION SELECT m.ticket_id AS id FROM message m WHERE ");
        like("m.search_text", word);
      }
    }

    /** Full text, with Spanish and English stemming, as the message's own vector was made. */
    void wordInDocument(String column, String word) {
      text.append(column).append(" @@ (");
      wordQuery(word);
      text.append(")");
    }

    void wordQuery(String word) {
      text.append("plainto_tsquery('spanish', ");
      parameter(word);
      text.append(") || plainto_tsquery('english', ");
      parameter(word);
      text.append(")");
    }

    /**
     * On PostgreSQL a message matches a word through full text, with Spanish and English stemming;
     * on H2 by containing it.
     */
    void wordInMessage(String word) {
      if (postgres) {
        wordInDocument("m.search_tsv", word);
      } else {
        like("m.search_text", word);
      }
    }

    void anyWordInMessage(List<String> words) {
      if (words.isEmpty()) {
        text.append("1 = 0");
      }
      for (int i = 0; i < words.size(); i++) {
        if (i > 0) {
          text.append(" OR ");
        }
        wordInMessage(words.get(i));
      }
    }

    Query query(EntityManager em) {
      Query query = em.createNativeQuery(text.toString());
      for (int i = 0; i < parameters.size(); i++) {
        query.setParameter(i + 1, parameters.get(i));
      }
      return query;
    }
  }
}
