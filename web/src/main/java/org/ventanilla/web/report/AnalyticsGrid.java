package org.ventanilla.web.report;

import org.ventanilla.report.AnalyticsReport;

/** The heatmap's cells as the page and its CSV lay them out. */
final class AnalyticsGrid {

  private AnalyticsGrid() {}

  /** Seven rows (ISO day of week, Monday first) of 24 hours; hours without tickets are 0. */
  static long[][] heatmap(AnalyticsReport report) {
    long[][] cells = new long[7][24];
    for (AnalyticsReport.HeatCell cell : report.heatmap()) {
      cells[cell.dayOfWeek() - 1][cell.hour()] = cell.tickets();
    }
    return cells;
  }

  /**
   * A cell's shade from 0 (none) to 4 (the busiest hour of the range), for the page's heat classes:
   * the number is always written in the cell too, the shade only helps the eye.
   */
  static int shade(long tickets, long busiest) {
    if (tickets <= 0 || busiest <= 0) {
      return 0;
    }
    return (int) Math.max(1, Math.min(4, Math.ceil(4.0 * tickets / busiest)));
  }
}
