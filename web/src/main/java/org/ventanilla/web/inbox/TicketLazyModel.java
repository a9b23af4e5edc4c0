package org.ventanilla.web.inbox;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.ventanilla.common.Page;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.ticket.TicketFilter;
import org.ventanilla.ticket.TicketService;
import org.ventanilla.ticket.TicketSort;
import org.ventanilla.ticket.TicketSummary;

/** The inbox table's rows, one database page at a time, counted by the database. */
public class TicketLazyModel extends LazyDataModel<TicketSummary> {

  private static final long serialVersionUID = 1L;

  private final transient TicketService tickets;
  private final transient java.util.function.Supplier<TicketFilter> filter;
  private Map<Long, Long> unread = Map.of();

  TicketLazyModel(TicketService tickets, java.util.function.Supplier<TicketFilter> filter) {
    this.tickets = tickets;
    this.filter = filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) tickets.count(filter.get());
  }

  @Override
  public List<TicketSummary> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    int size = Math.min(Math.max(pageSize, 1), Page.MAX_SIZE);
    Page<TicketSummary> page =
        tickets.list(filter.get(), new PageRequest(first / size, size), sort(sortBy));
    setRowCount((int) page.total());
    unread = tickets.unreadCounts(page.items().stream().map(TicketSummary::id).toList());
    return page.items();
  }

  /** Unread customer messages on a row of the current page, for the signed-in agent. */
  public long unread(long ticketId) {
    return unread.getOrDefault(ticketId, 0L);
  }

  private static TicketSort sort(Map<String, SortMeta> sortBy) {
    return sortBy.values().stream()
        .filter(s -> s.getOrder() != null && !s.getOrder().isUnsorted())
        .findFirst()
        .map(
            s ->
                new TicketSort(
                    // "customer.name" from the column's sortBy is the customer's column
                    s.getField().startsWith("customer") ? "customer" : s.getField(),
                    s.getOrder().isAscending()))
        .orElse(TicketSort.newestFirst());
  }

  @Override
  public String getRowKey(TicketSummary ticket) {
    return String.valueOf(ticket.id());
  }
}
