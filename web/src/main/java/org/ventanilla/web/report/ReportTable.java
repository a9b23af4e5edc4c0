package org.ventanilla.web.report;

import java.util.Locale;

/**
 * The report's downloadable tables, by the name they have in the download's URL ({@code
 * /reports/agents.csv}).
 */
public enum ReportTable {
  DAILY,
  OPEN,
  AGENTS;

  public String fileName() {
    return name().toLowerCase(Locale.ROOT) + ".csv";
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
