package org.ventanilla.web.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ventanilla.channel.whatsapp.WhatsAppPricingReport;

/**
 * The pricing report as a table: a row per month, a column per Meta pricing category found in the
 * period (service first, then the others by name), each row with its total.
 */
public record PricingTable(List<String> categories, List<Row> rows) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One month ({@code YYYY-MM}) and its messages per category, in the table's column order. */
  public record Row(String month, List<Long> counts, long total) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  static PricingTable of(WhatsAppPricingReport report) {
    TreeSet<String> found = new TreeSet<>();
    report.months().forEach(m -> found.addAll(m.categories().keySet()));
    List<String> categories = new ArrayList<>();
    if (found.remove("service")) {
      categories.add("service");
    }
    categories.addAll(found);
    List<Row> rows = new ArrayList<>();
    for (WhatsAppPricingReport.Month m : report.months()) {
      Map<String, Long> counts = m.categories();
      List<Long> cells = categories.stream().map(c -> counts.getOrDefault(c, 0L)).toList();
      rows.add(new Row(m.month(), cells, cells.stream().mapToLong(Long::longValue).sum()));
    }
    return new PricingTable(List.copyOf(categories), List.copyOf(rows));
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
