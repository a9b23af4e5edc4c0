package org.ventanilla.web.report;

import java.util.Locale;

/**
 * The report's and the analytics page's downloadable tables, by the name they have in the
 * download's URL ({@code /reports/agents.csv}, {@code /reports/analytics-backlog.csv}).
 */
public enum ReportTable {
  DAILY,
  OPEN,
  AGENTS,
  /** Every analytics table in one file. */
  ANALYTICS,
  ANALYTICS_CHANNEL,
  ANALYTICS_AGENT,
  ANALYTICS_TAG,
  ANALYTICS_PRIORITY,
  ANALYTICS_HEATMAP,
  ANALYTICS_BACKLOG,
  ANALYTICS_CHANNELS,
  ANALYTICS_RETENTION,
  ANALYTICS_SLA,
  ANALYTICS_CSAT;

  public String fileName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-') + ".csv";
  }

  /** A table of the analytics page (one {@code ReportService.analytics} call gives them all). */
  public boolean analytics() {
    return name().startsWith("ANALYTICS_");
  }

  /** The table a download path names ({@code /agents.csv}), if any. */
  public static java.util.Optional<ReportTable> ofPath(String path) {
    if (path == null) {
      return java.util.Optional.empty();
    }
    for (ReportTable table : values()) {
      if (path.equals("/" + table.fileName())) {
        return java.util.Optional.of(table);
      }
    }
    return java.util.Optional.empty();
  }
}
