package org.ventanilla.ticket;

import java.util.Map;

/**
 * The inbox's order, done by the database: a column the agent clicked, newest activity by default.
 * Only these fields can be sorted on, so no input ever reaches the query text.
 */
public record TicketSort(String field, boolean ascending) {

  static final Map<String, String> PATHS =
      Map.of(
          "number", "t.number",
          "subject", "t.subject",
          "customer", "c.name",
          "status", "t.status",
          "priority", "t.priority",
          "assignee", "a.username",
          "updatedAt", "t.updatedAt");

  public static TicketSort newestFirst() {
    return new TicketSort("updatedAt", false);
  }

  String orderBy() {
    String path = PATHS.getOrDefault(field, "t.updatedAt");
    return " ORDER BY " + path + (ascending ? " ASC" : " DESC") + ", t.id DESC";
  }
}
