package org.ventanilla.ticket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.customer.Customer;
import org.ventanilla.tag.Tag;

/** Tickets, messages and events in the database; every list is paginated by the database. */
@ApplicationScoped
public class TicketRepository {

  @PersistenceContext private EntityManager em;
  @Inject Clock clock;

  /** The next human ticket number (#1001, #1002...), from a database sequence. */
  public long nextNumber() {
    Object value = em.createNativeQuery("SELECT nextval('ticket_number_seq')").getSingleResult();
    return ((Number) value).longValue();
  }

  public Optional<Ticket> findByNumber(long number) {
    return em.createQuery("SELECT t FROM Ticket t WHERE t.number = :n", Ticket.class)
        .setParameter("n", number)
        .getResultStream()
        .findFirst();
  }

  /** The message a channel knows by this id (Message-ID, wamid), if we have it. */
  public Optional<Message> findMessage(ChannelType channel, String externalId) {
    return em.createQuery(
            "SELECT m FROM Message m WHERE m.channel = :c AND m.externalId = :id", Message.class)
        .setParameter("c", channel)
        .setParameter("id", externalId)
        .getResultStream()
        .findFirst();
  }

  /**
   * The messages a channel knows by these ids, by id (the most recent one where two share an id):
   * one query for a whole batch, in chunks that keep the parameter list small.
   */
  public java.util.Map<String, Message> findMessages(
      ChannelType channel, java.util.Collection<String> externalIds) {
    java.util.Map<String, Message> found = new java.util.HashMap<>();
    List<String> ids = List.copyOf(externalIds);
    for (int from = 0; from < ids.size(); from += 500) {
      em.createQuery(
              "SELECT m FROM Message m WHERE m.channel = :c AND m.externalId IN :ids"
                  + " ORDER BY m.createdAt, m.id",
              Message.class)
          .setParameter("c", channel)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
          .getResultList()
          .forEach(m -> found.put(m.getExternalId(), m));
    }
    return found;
  }

  /** The most recent ticket holding any of these channel message ids. */
  public Optional<Ticket> findByMessageIds(ChannelType channel, java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return em.createQuery(
            "SELECT m.ticket FROM Message m WHERE m.channel = :c AND m.externalId IN :ids"
                + " ORDER BY m.createdAt DESC, m.id DESC",
            Ticket.class)
        .setParameter("c", channel)
        .setParameter("ids", ids)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The channel ids of a ticket's messages on its channel, oldest first (References header). */
  public List<String> externalIdsOf(Ticket ticket, int limit) {
    List<String> newestFirst =
        new ArrayList<>(
            em.createQuery(
                    "SELECT m.externalId FROM Message m WHERE m.ticket = :t"
                        + " AND m.externalId IS NOT NULL AND m.kind = :kind"
                        + " ORDER BY m.createdAt DESC, m.id DESC",
                    String.class)
                .setParameter("t", ticket)
                .setParameter("kind", MessageKind.MESSAGE)
                .setMaxResults(limit)
                .getResultList());
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** The customer's latest message on the ticket: replies go back to its address. */
  public Optional<Message> lastInbound(Ticket ticket) {
    return em.createQuery(
            "SELECT m FROM Message m WHERE m.ticket = :t AND m.direction = :in"
                + " AND m.authorType = :customer ORDER BY m.createdAt DESC, m.id DESC",
            Message.class)
        .setParameter("t", ticket)
        .setParameter("in", MessageDirection.INBOUND)
        .setParameter("customer", AuthorType.CUSTOMER)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public Optional<Ticket> find(long id) {
    return Optional.ofNullable(em.find(Ticket.class, id));
  }

  /** A new ticket; its events go with it, and so do those it records later. */
  public void add(Ticket ticket) {
    em.persist(ticket);
  }

  public void add(Message message) {
    em.persist(message);
  }

  /** Writes pending changes now, so that the version a caller sees is the committed one. */
  public void flush() {
    em.flush();
  }

  public List<Ticket> search(TicketFilter filter, PageRequest page) {
    return search(filter, page, TicketSort.newestFirst());
  }

  public List<Ticket> search(TicketFilter filter, PageRequest page, TicketSort sort) {
    // Unassigned tickets have no assignee to join (nor to sort by). With any join on it,
    // EclipseLink turned "t.assignee IS NULL" into an inner join on the agent as well, and the
    // view listed nothing; "a IS NULL" made the database read every ticket for an anti-join.
    boolean unassigned = filter.unassigned();
    TicketSort order =
        unassigned && "assignee".equals(sort.field()) ? TicketSort.newestFirst() : sort;
    TypedQuery<Ticket> query =
        em.createQuery(
            "SELECT t FROM Ticket t JOIN FETCH t.customer c"
                + (unassigned ? "" : " LEFT JOIN FETCH t.assignee a")
                + where(filter)
                + order.orderBy(),
            Ticket.class);
    bind(query, filter);
    return withTags(query).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
  }

  /** The tags of a whole page of tickets come in one more query, not one per ticket. */
  private static TypedQuery<Ticket> withTags(TypedQuery<Ticket> query) {
    return query.setHint("eclipselink.batch", "t.tags").setHint("eclipselink.batch.type", "IN");
  }

  public long count(TicketFilter filter) {
    TypedQuery<Long> query =
        em.createQuery("SELECT COUNT(t) FROM Ticket t" + where(filter), Long.class);
    bind(query, filter);
    return query.getSingleResult();
  }

  /**
   * The inbox's built-in views counted in one pass over the tickets (one aggregate, not one COUNT
   * per view): all, open (not resolved), mine and unassigned among the open, breaching (as {@link
   * TicketFilter#BREACHING}) and resolved. Keys are the views' names.
   */
  public java.util.Map<String, Long> viewCounts(String username) {
    String open = "t.status <> :resolved";
    Object[] row =
        em.createQuery(
                "SELECT COUNT(t),"
                    + " SUM(CASE WHEN "
                    + open
                    + " THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + open
                    + " AND a.username = :me THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + open
                    + " AND a.id IS NULL THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + open
                    + " AND ((t.firstResponseAt IS NULL AND t.firstResponseWarnAt <= :now)"
                    + " OR (t.resolvedAt IS NULL AND t.resolutionWarnAt <= :now))"
                    + " THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN t.status = :resolved THEN 1 ELSE 0 END)"
                    + " FROM Ticket t LEFT JOIN t.assignee a",
                Object[].class)
            .setParameter("resolved", TicketStatus.RESOLVED)
            .setParameter("me", username)
            .setParameter("now", clock.instant())
            .getSingleResult();
    String[] views = {"all", "open", "mine", "unassigned", "breaching", "resolved"};
    java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (int i = 0; i < views.length; i++) {
      counts.put(views[i], row[i] == null ? 0L : ((Number) row[i]).longValue());
    }
    return counts;
  }

  /**
   * What the inbox shows changes only when a ticket is added or touched, or when an SLA clock
   * reaches its warning or due time (the Breaching view and the badges): the newest update time and
   * the number of tickets, read from the updated_at index, and the newest SLA alert, from the
   * fired_at index. The SLA timer fires each alert within seconds of its time.
   */
  public String inboxStamp() {
    // Native and cast to text: an aggregate skips the attribute's converter, and PostgreSQL's
    // driver hands back a java.sql.Timestamp that the Instant converter cannot take.
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT CAST(MAX(updated_at) AS VARCHAR(64)), COUNT(*),"
                        + " (SELECT CAST(MAX(fired_at) AS VARCHAR(64)) FROM sla_alert) FROM ticket")
                .getSingleResult();
    return row[0] + "/" + row[1] + "/" + row[2];
  }

  /**
   * What the workspace shows of a ticket changes with its version (status, assignee, new messages)
   * or a message's delivery status, which the outbox and WhatsApp update on the message.
   */
  public String ticketStamp(long id) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT t.version, m.id, m.deliveryStatus FROM Ticket t"
                    + " LEFT JOIN Message m ON m.ticket = t WHERE t.id = :id ORDER BY m.id",
                Object[].class)
            .setParameter("id", id)
            .getResultList();
    StringBuilder stamp = new StringBuilder();
    for (Object[] row : rows) {
      stamp.append(row[0]).append(':').append(row[1]).append(':').append(row[2]).append(';');
    }
    return stamp.toString();
  }

  /** Records that the agent has seen the ticket up to its newest message. */
  public void markSeen(long agentId, long ticketId) {
    Long newest =
        em.createQuery("SELECT MAX(m.id) FROM Message m WHERE m.ticket.id = :t", Long.class)
            .setParameter("t", ticketId)
            .getSingleResult();
    if (newest == null) {
      return;
    }
    TicketRead read = em.find(TicketRead.class, new TicketRead.Key(agentId, ticketId));
    if (read == null) {
      em.persist(new TicketRead(agentId, ticketId, newest));
    } else {
      read.seen(newest);
    }
  }

  /**
   * For one page of the inbox, in one query: how many customer messages each ticket has that the
   * agent has not seen. Tickets with none are left out.
   */
  public Map<Long, Long> unreadCounts(long agentId, Collection<Long> ticketIds) {
    if (ticketIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, Long> unread = new HashMap<>();
    em.createQuery(
            "SELECT m.ticket.id, COUNT(m) FROM Message m WHERE m.ticket.id IN :ids"
                + " AND m.direction = :in AND m.id > COALESCE((SELECT MAX(r.lastSeenMessageId)"
                + " FROM TicketRead r WHERE r.agentId = :agent AND r.ticketId = m.ticket.id), 0)"
                + " GROUP BY m.ticket.id",
            Object[].class)
        .setParameter("ids", ticketIds)
        .setParameter("in", MessageDirection.INBOUND)
        .setParameter("agent", agentId)
        .getResultList()
        .forEach(row -> unread.put((Long) row[0], ((Number) row[1]).longValue()));
    return unread;
  }

  public List<Ticket> ofCustomer(Customer customer, int limit) {
    return em.createQuery(
            "SELECT t FROM Ticket t JOIN FETCH t.customer LEFT JOIN FETCH t.assignee"
                + " WHERE t.customer = :c ORDER BY t.createdAt DESC, t.id DESC",
            Ticket.class)
        .setParameter("c", customer)
        .setHint("eclipselink.batch", "t.tags")
        .setHint("eclipselink.batch.type", "IN")
        .setMaxResults(limit)
        .getResultList();
  }

  public List<Message> messagesOf(Ticket ticket) {
    return em.createQuery(
            "SELECT m FROM Message m LEFT JOIN FETCH m.agent WHERE m.ticket = :t"
                + " ORDER BY m.createdAt, m.id",
            Message.class)
        .setParameter("t", ticket)
        .setHint("eclipselink.batch", "m.attachments")
        .setHint("eclipselink.batch.type", "IN")
        .getResultList();
  }

  public List<TicketEvent> eventsOf(Ticket ticket) {
    return em.createQuery(
            "SELECT e FROM TicketEvent e WHERE e.ticket = :t ORDER BY e.at, e.id",
            TicketEvent.class)
        .setParameter("t", ticket)
        .getResultList();
  }

  private static String where(TicketFilter f) {
    List<String> conditions = new ArrayList<>();
    if (f.statuses() != null) {
      conditions.add("t.status IN :statuses");
    }
    if (f.channel() != null) {
      conditions.add("t.channel = :channel");
    }
    if (f.unassigned()) {
      conditions.add("t.assignee IS NULL");
    } else if (f.assignee() != null) {
      conditions.add("t.assignee.username = :assignee");
    }
    if (f.priority() != null) {
      conditions.add("t.priority = :priority");
    }
    if (f.tag() != null) {
      // Correlated on the join table alone: with "FROM Ticket x ... WHERE x = t" the database
      // also joined the ticket table again, five times the pages read.
      conditions.add("EXISTS (SELECT g.id FROM t.tags g WHERE g.nameKey = :tag)");
    }
    if (f.breaching()) {
      // See TicketFilter.BREACHING; each side is served by its warn_at index.
      conditions.add(
          "((t.firstResponseAt IS NULL AND t.status <> :resolved AND t.firstResponseWarnAt <= :now)"
              + " OR (t.resolvedAt IS NULL AND t.status <> :resolved"
              + " AND t.resolutionWarnAt <= :now))");
    }
    conditions.add(
        f.snoozed()
            ? "(t.snoozedUntil IS NOT NULL OR t.snoozedUntilReply = TRUE)"
            : "t.snoozedUntil IS NULL AND t.snoozedUntilReply = FALSE");
    if (f.text() != null) {
      // Each side on its own table (trigram indexes on PostgreSQL, V11_1), then by key: an OR
      // across the customer join made the database lower-case every subject and name.
      conditions.add(
          "(t.id IN (SELECT s.id FROM Ticket s WHERE LOWER(s.subject) LIKE :text ESCAPE '\\')"
              + " OR t.customer IN (SELECT n FROM Customer n WHERE LOWER(n.name) LIKE :text ESCAPE '\\')"
              + (numberIn(f.text()) == null ? "" : " OR t.number = :number")
              + ")");
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private void bind(TypedQuery<?> query, TicketFilter f) {
    if (f.statuses() != null) {
      query.setParameter("statuses", f.statuses());
    }
    if (f.channel() != null) {
      query.setParameter("channel", f.channel());
    }
    if (!f.unassigned() && f.assignee() != null) {
      query.setParameter("assignee", f.assignee());
    }
    if (f.priority() != null) {
      query.setParameter("priority", f.priority());
    }
    if (f.tag() != null) {
      query.setParameter("tag", org.ventanilla.tag.Tag.keyOf(f.tag()));
    }
    if (f.breaching()) {
      query.setParameter("resolved", TicketStatus.RESOLVED);
      query.setParameter("now", clock.instant());
    }
    if (f.text() != null) {
      query.setParameter(
          "text", "%" + likeEscaped(f.text().toLowerCase(java.util.Locale.ROOT)) + "%");
      Long number = numberIn(f.text());
      if (number != null) {
        query.setParameter("number", number);
      }
    }
  }

  /** "1042" or "#1042" as a ticket number. */
  private static Long numberIn(String text) {
    String digits = text.startsWith("#") ? text.substring(1) : text;
    return digits.matches("\\d{1,15}") ? Long.valueOf(digits) : null;
  }

  /**
   * LIKE's wildcards typed by a person are plain characters: escaped, with the escape character
   * named in the query. (Dropping them made "%_" match every ticket, and a trailing backslash was
   * an error on PostgreSQL, whose default escape character it is.)
   */
  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * Moves a ticket's whole conversation and activity log (attachments go with their messages) to
   * another ticket, in two statements; pending changes are written first.
   */
  public void moveConversation(Ticket from, Ticket to) {
    em.flush();
    em.createQuery("UPDATE Message m SET m.ticket = :to WHERE m.ticket = :from")
        .setParameter("to", to)
        .setParameter("from", from)
        .executeUpdate();
    em.createQuery("UPDATE TicketEvent e SET e.ticket = :to WHERE e.ticket = :from")
        .setParameter("to", to)
        .setParameter("from", from)
        .executeUpdate();
  }

  /** Moves one message, or it and every later one of its ticket, to another ticket. */
  public int moveMessages(Message first, boolean following, Ticket to) {
    em.flush();
    return em.createQuery(
            "UPDATE Message m SET m.ticket = :to WHERE m.ticket = :from AND "
                + (following
                    ? "(m.createdAt > :at OR (m.createdAt = :at AND m.id >= :id))"
                    : "m.id = :id" + " AND m.createdAt = :at"))
        .setParameter("to", to)
        .setParameter("from", first.getTicket())
        .setParameter("at", first.getCreatedAt())
        .setParameter("id", first.getId())
        .executeUpdate();
  }

  /** How many messages a ticket has from this one on (it included), in conversation order. */
  public long countFrom(Message first) {
    return em.createQuery(
            "SELECT COUNT(m) FROM Message m WHERE m.ticket = :t"
                + " AND (m.createdAt > :at OR (m.createdAt = :at AND m.id >= :id))",
            Long.class)
        .setParameter("t", first.getTicket())
        .setParameter("at", first.getCreatedAt())
        .setParameter("id", first.getId())
        .getSingleResult();
  }

  public long countMessages(Ticket ticket) {
    return em.createQuery("SELECT COUNT(m) FROM Message m WHERE m.ticket = :t", Long.class)
        .setParameter("t", ticket)
        .getSingleResult();
  }

  public Optional<Message> findMessage(long id) {
    return Optional.ofNullable(em.find(Message.class, id));
  }

  /** The tickets carrying a tag, with their tags loaded: merging and deleting log each one. */
  public List<Ticket> taggedWith(Tag tag) {
    return em.createQuery(
            "SELECT DISTINCT t FROM Ticket t JOIN t.tags g LEFT JOIN FETCH t.tags WHERE g = :g",
            Ticket.class)
        .setParameter("g", tag)
        .getResultList();
  }
}
