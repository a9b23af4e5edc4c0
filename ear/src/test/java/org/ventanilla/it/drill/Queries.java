package org.ventanilla.it.drill;

/**
 * What the drills count in the database, straight from the tables: the exactly-once checks must not
 * depend on the code they check.
 */
final class Queries {

  private Queries() {}

  /** (external id, how many messages carry it) for the ids in the array parameter. */
  static final String MESSAGES =
      "SELECT external_id, COUNT(*) FROM message WHERE external_id = ANY(?) GROUP BY external_id";

  /** (contact, how many tickets its customer has) for the contacts in the array parameter. */
  static final String TICKETS_PER_CONTACT =
      "SELECT cc.contact_value, COUNT(t.id) FROM customer_contact cc"
          + " JOIN ticket t ON t.customer_id = cc.customer_id"
          + " WHERE cc.contact_value = ANY(?) GROUP BY cc.contact_value";

  /** (wamid, how many stored deliveries name it) for the wamids in the array parameter. */
  static final String PAYLOADS_NAMING =
      "SELECT w, COUNT(p.id) FROM unnest(?) AS w"
          + " JOIN webhook_payload p ON position(w IN p.body) > 0 GROUP BY w";

  /** Webhook deliveries stored for a channel (one row per acknowledged delivery). */
  static final String PAYLOADS_OF_CHANNEL =
      "SELECT COUNT(*) FROM webhook_payload WHERE channel_id = ?";

  /** Messages on the tickets of a channel, inbound only. */
  static final String INBOUND_OF_CHANNEL =
      "SELECT COUNT(*) FROM message m JOIN ticket t ON t.id = m.ticket_id"
          + " WHERE t.channel_id = ? AND m.direction = 'INBOUND'";

  /** Events of one type on the tickets of a channel. */
  static final String SLA_EVENTS_OF_CHANNEL =
      "SELECT COUNT(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id"
          + " WHERE t.channel_id = ? AND e.type = ?";

  /**
   * Per ticket of a channel: SLA warnings and breaches in its log, alerts claimed, and
   * notifications to the agent with the given email.
   */
  static final String SLA_EVENTS_PER_TICKET =
      "SELECT t.id,"
          + " (SELECT COUNT(*) FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'SLA_WARNING'),"
          + " (SELECT COUNT(*) FROM ticket_event e WHERE e.ticket_id = t.id AND e.type = 'SLA_BREACH'),"
          + " (SELECT COUNT(*) FROM sla_alert a WHERE a.ticket_id = t.id),"
          + " (SELECT COUNT(*) FROM notification n JOIN agent g ON g.id = n.agent_id"
          + "   WHERE n.ticket_id = t.id AND g.email = ?)"
          + " FROM ticket t WHERE t.channel_id = ?";

  /** The ticket of the message with this external id. */
  static final String TICKET_OF_MESSAGE = "SELECT ticket_id FROM message WHERE external_id = ?";

  /** The outbox entry of a reply: status, attempts, last error. */
  static final String OUTBOX_OF_MESSAGE =
      "SELECT status, attempts, last_error FROM outbox WHERE message_id = ?";

  /** Who holds a mailbox's poll lock. */
  static final String POLL_LOCK_OWNER = "SELECT poll_lock_owner FROM channel WHERE id = ?";

  static final String SLA_WARNING_OF_TICKET =
      "SELECT COUNT(*) FROM ticket_event WHERE ticket_id = ? AND type = 'SLA_WARNING'";

  static final String SLA_BREACH_OF_TICKET =
      "SELECT COUNT(*) FROM ticket_event WHERE ticket_id = ? AND type = 'SLA_BREACH'";

  /** (assignee's username, how many tickets of the two channels they hold). */
  static final String ASSIGNED_PER_AGENT =
      "SELECT g.username, COUNT(t.id) FROM ticket t JOIN agent g ON g.id = t.assignee_id"
          + " WHERE t.channel_id IN (?, ?) GROUP BY g.username";

  /** Tickets of the two channels nobody holds. */
  static final String UNASSIGNED_OF_CHANNELS =
      "SELECT COUNT(*) FROM ticket WHERE channel_id IN (?, ?) AND assignee_id IS NULL";

  /** (contact, automatic acknowledgements on its customer's tickets) for the contacts given. */
  static final String ACKNOWLEDGEMENTS_PER_CONTACT =
      "SELECT cc.contact_value, COUNT(m.id) FROM customer_contact cc"
          + " JOIN ticket t ON t.customer_id = cc.customer_id"
          + " JOIN message m ON m.ticket_id = t.id AND m.direction = 'OUTBOUND'"
          + "   AND m.author_name = 'Automation: auto-acknowledge'"
          + " WHERE cc.contact_value = ANY(?) GROUP BY cc.contact_value";
}
