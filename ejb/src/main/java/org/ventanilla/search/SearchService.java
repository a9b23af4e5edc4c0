package org.ventanilla.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.agent.Role;
import org.ventanilla.common.Enums;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.search.SearchResults.CustomerHit;
import org.ventanilla.search.SearchResults.TicketHit;
import org.ventanilla.ticket.TicketStatus;

/** The search box: customers and tickets for what was typed. */
@Stateless
@RolesAllowed({Role.ADMIN_ROLE, Role.AGENT_ROLE})
public class SearchService {

  /** Beyond this many matching tickets, the newest this many are ranked and the total is "N+". */
  static final int CAP = 1000;

  @Inject SearchRepository repository;

  public SearchResults search(String text, PageRequest page) {
    SearchQuery q = SearchQuery.parse(text);
    if (q.isEmpty()) {
      return new SearchResults(List.of(), List.of(), 0, false, page.page(), page.size());
    }
    List<String> marks = new ArrayList<>(q.words());
    List<CustomerHit> customers = page.page() == 0 ? customers(q, marks, page.size()) : List.of();
    if (repository.everyWordInAtLeast(q, CAP)) {
      List<Object[]> rows = repository.newestTickets(q, page, CAP);
      long candidates = rows.isEmpty() ? CAP : ((Number) rows.get(0)[7]).longValue();
      return new SearchResults(
          customers,
          rows.stream().map(row -> ticketHit(row, q, marks)).toList(),
          candidates,
          candidates >= CAP,
          page.page(),
          page.size());
    }
    List<TicketHit> tickets =
        repository.tickets(q, page).stream().map(row -> ticketHit(row, q, marks)).toList();
    long total =
        page.page() == 0 && tickets.size() < page.size()
            ? tickets.size()
            : repository.countTickets(q);
    return new SearchResults(customers, tickets, total, false, page.page(), page.size());
  }

  private List<CustomerHit> customers(SearchQuery q, List<String> marks, int limit) {
    Map<Long, String> names = new LinkedHashMap<>();
    for (Object[] row : repository.customers(q, limit)) {
      names.put(((Number) row[0]).longValue(), (String) row[1]);
    }
    Map<Long, List<String>> emails = new LinkedHashMap<>();
    Map<Long, List<String>> phones = new LinkedHashMap<>();
    for (Object[] row : repository.contactsOf(names.keySet())) {
      long id = ((Number) row[0]).longValue();
      (("PHONE".equals(row[1])) ? phones : emails)
          .computeIfAbsent(id, k -> new ArrayList<>())
          .add((String) row[2]);
    }
    List<String> phoneMarks = new ArrayList<>(marks);
    if (q.phoneDigits() != null) {
      phoneMarks.add(q.phoneDigits());
    }
    return names.entrySet().stream()
        .map(
            e -> {
              List<String> mails = emails.getOrDefault(e.getKey(), List.of());
              List<String> numbers = phones.getOrDefault(e.getKey(), List.of());
              String shown =
                  String.join(" · ", concat(List.of(e.getValue()), concat(mails, numbers)));
              return new CustomerHit(
                  e.getKey(),
                  e.getValue(),
                  mails,
                  numbers,
                  Highlighter.highlight(shown, phoneMarks));
            })
        .toList();
  }

  private static TicketHit ticketHit(Object[] row, SearchQuery q, List<String> marks) {
    long number = ((Number) row[1]).longValue();
    String subject = (String) row[2];
    String excerpt = text(row[6]);
    String inSubject = Highlighter.highlight(subject, marks);
    String highlight;
    if (q.number() != null && q.number() == number) {
      highlight = "<mark>#" + number + "</mark> " + inSubject;
    } else if (inSubject.contains("<mark>") || excerpt == null) {
      highlight = inSubject;
    } else {
      highlight = Highlighter.highlight(excerpt, marks);
    }
    return new TicketHit(
        ((Number) row[0]).longValue(),
        number,
        subject,
        Enums.json(TicketStatus.valueOf((String) row[3])),
        ((Number) row[4]).longValue(),
        (String) row[5],
        highlight);
  }

  /** Message text comes back as a String or, from H2's CLOB, as a Clob. */
  private static String text(Object value) {
    if (value instanceof java.sql.Clob clob) {
      try {
        return clob.getSubString(1, (int) Math.min(clob.length(), 100_000));
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("Cannot read a message's text", e);
      }
    }
    return value == null ? null : value.toString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
