package org.ventanilla.web.inbox;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.ventanilla.common.Page;
import org.ventanilla.common.Page.PageRequest;
import org.ventanilla.ticket.TicketFilter;
import org.ventanilla.ticket.TicketService;
import org.ventanilla.ticket.TicketSort;
import org.ventanilla.ticket.TicketSummary;

/**
 * The inbox table's rows, one database page at a time, counted by the database, and the rows the
 * agent ticked. A ticked row is kept as it was when ticked: the live refresh may show a newer
 * version of it, but a bulk action sends the version the agent chose, so that a ticket someone
 * changed meanwhile is reported instead of overwritten.
 */
public class TicketLazyModel extends LazyDataModel<TicketSummary> {

  private static final long serialVersionUID = 1L;

  // Both serializable (an EJB reference and a serializable lambda), so that the inbox survives
  // the failover of a clustered session.
  private final TicketService tickets;
  private final Filter filter;
  private Map<Long, Long> unread = Map.of();
  private final Map<Long, TicketSummary> chosen = new LinkedHashMap<>();

  /** The inbox's current filter, read at every load. */
  interface Filter extends Supplier<TicketFilter>, Serializable {}

  TicketLazyModel(TicketService tickets, Filter filter) {
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

  /** The ticked rows, on any page, as they were when ticked. */
  public List<TicketSummary> getSelection() {
    return new ArrayList<>(chosen.values());
  }

  /** The table's selection after a tick: rows ticked before keep the version they had then. */
  public void setSelection(List<TicketSummary> rows) {
    Map<Long, TicketSummary> kept = new LinkedHashMap<>();
    for (TicketSummary row : rows) {
      if (row != null) {
        kept.put(row.id(), chosen.getOrDefault(row.id(), row));
      }
    }
    chosen.clear();
    chosen.putAll(kept);
  }

  public void clearSelection() {
    chosen.clear();
  }

  /** The table resolves a ticked row key: the row as ticked, else the row on the current page. */
  @Override
  public TicketSummary getRowData(String rowKey) {
    long id;
    try {
      id = Long.parseLong(rowKey);
    } catch (NumberFormatException e) {
      return null;
    }
    TicketSummary ticked = chosen.get(id);
    if (ticked != null) {
      return ticked;
    }
    List<TicketSummary> page = getWrappedData();
    return page == null ? null : page.stream().filter(t -> t.id() == id).findFirst().orElse(null);
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
