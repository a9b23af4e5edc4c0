package org.ventanilla.web.report;

import java.io.IOException;
import java.io.Writer;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ventanilla.csat.CsatReport;
import org.ventanilla.report.AgentWorkload;
import org.ventanilla.report.AnalyticsReport;
import org.ventanilla.report.AnalyticsReport.Breakdown;
import org.ventanilla.report.DailyTickets;
import org.ventanilla.report.OpenTickets;

/**
 * The report's tables as CSV for a spreadsheet, with the page's column names in the reader's
 * language. Spanish Excel splits on semicolons and reads decimal commas, so Spanish downloads use
 * both; English ones commas and decimal points. A byte order mark first tells Excel it is UTF-8.
 */
public final class ReportCsv {

  public static final String BUNDLE = "org.ventanilla.web.i18n.messages";
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final ResourceBundle bundle;
  private final CSVFormat format;
  private final NumberFormat decimals;

  public ReportCsv(Locale locale) {
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    this.format = format(locale);
    this.decimals = NumberFormat.getNumberInstance(locale);
    decimals.setGroupingUsed(false);
    decimals.setMinimumFractionDigits(1);
    decimals.setMaximumFractionDigits(1);
  }

  /** The CSV dialect of a download in this language. */
  public static CSVFormat format(Locale locale) {
    return CSVFormat.EXCEL
        .builder()
        .setDelimiter("es".equals(locale.getLanguage()) ? ';' : ',')
        .get();
  }

  public void daily(List<DailyTickets> days, List<String> channels, Writer out) throws IOException {
    List<String> header = new ArrayList<>();
    header.add(text("reports.col.day"));
    channels.forEach(channel -> header.add(text("channel." + channel)));
    header.add(text("reports.col.total"));
    try (CSVPrinter csv = printer(out, header)) {
      for (DailyTickets day : days) {
        List<Object> row = new ArrayList<>();
        row.add(day.day().toString());
        channels.forEach(channel -> row.add(day.byChannel().getOrDefault(channel, 0L)));
        row.add(day.total());
        csv.printRecord(row);
      }
    }
  }

  public void open(List<OpenTickets> rows, Writer out) throws IOException {
    try (CSVPrinter csv =
        printer(
            out,
            List.of(
                text("reports.col.agent"),
                text("reports.col.username"),
                text("status.new"),
                text("status.in_progress"),
                text("reports.col.total")))) {
      for (OpenTickets row : rows) {
        csv.printRecord(
            row.unassigned() ? text("assignee.none") : cell(row.displayName()),
            row.unassigned() ? "" : cell(row.username()),
            row.newTickets(),
            row.inProgress(),
            row.total());
      }
    }
  }

  public void agents(List<AgentWorkload> rows, Writer out) throws IOException {
    try (CSVPrinter csv =
        printer(
            out,
            List.of(
                text("reports.col.agent"),
                text("reports.col.username"),
                text("reports.col.openAssigned"),
                text("reports.col.resolved"),
                text("reports.col.answered"),
                text("reports.col.firstResponseAvg"),
                text("reports.col.firstResponseMedian")))) {
      for (AgentWorkload row : rows) {
        csv.printRecord(
            cell(row.displayName()),
            cell(row.username()),
            row.openAssigned(),
            row.resolved(),
            row.answered(),
            decimal(row.firstResponseAvgMinutes()),
            decimal(row.firstResponseMedianMinutes()));
      }
    }
  }

  /**
   * One table of the analytics page; {@code csat} is needed only for {@link
   * ReportTable#ANALYTICS_CSAT}.
   */
  public void analytics(ReportTable table, AnalyticsReport report, CsatReport csat, Writer out)
      throws IOException {
    out.write(BYTE_ORDER_MARK);
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      analyticsTable(table, report, csat, printer);
    }
  }

  /**
   * Every table of the analytics page in one file: each one under a line with its title and
   * followed by an empty line, in the page's order.
   */
  public void analyticsAll(AnalyticsReport report, CsatReport csat, Writer out) throws IOException {
    out.write(BYTE_ORDER_MARK);
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (ReportTable table : ReportTable.values()) {
        if (table.analytics()) {
          printer.printRecord(text(title(table)));
          analyticsTable(table, report, csat, printer);
          printer.println();
        }
      }
    }
  }

  /** The bundle key of an analytics table's title on the page. */
  static String title(ReportTable table) {
    return switch (table) {
      case ANALYTICS_CHANNEL -> "analytics.by.channel";
      case ANALYTICS_AGENT -> "analytics.by.agent";
      case ANALYTICS_TAG -> "analytics.by.tag";
      case ANALYTICS_PRIORITY -> "analytics.by.priority";
      case ANALYTICS_HEATMAP -> "analytics.heatmap";
      case ANALYTICS_BACKLOG -> "analytics.backlog";
      case ANALYTICS_CHANNELS -> "analytics.perChannel";
      case ANALYTICS_RETENTION -> "analytics.retention";
      case ANALYTICS_SLA -> "analytics.slaTrend";
      case ANALYTICS_CSAT -> "analytics.csat";
      default -> throw new IllegalArgumentException(table + " is not an analytics table");
    };
  }

  private void analyticsTable(
      ReportTable table, AnalyticsReport report, CsatReport csat, CSVPrinter csv)
      throws IOException {
    switch (table) {
      case ANALYTICS_CHANNEL -> breakdowns(report.byChannel(), csv);
      case ANALYTICS_AGENT -> breakdowns(report.byAgent(), csv);
      case ANALYTICS_TAG -> breakdowns(report.byTag(), csv);
      case ANALYTICS_PRIORITY -> breakdowns(report.byPriority(), csv);
      case ANALYTICS_HEATMAP -> heatmap(report, csv);
      case ANALYTICS_BACKLOG -> {
        csv.printRecord(text("reports.col.day"), text("analytics.col.open"));
        for (AnalyticsReport.DayCount day : report.backlog()) {
          csv.printRecord(day.day().toString(), day.open());
        }
      }
      case ANALYTICS_CHANNELS -> {
        csv.printRecord(text("col.channel"), text("reports.col.total"));
        for (Map.Entry<String, Long> channel : report.ticketsPerChannel().entrySet()) {
          csv.printRecord(channelName(channel.getKey()), channel.getValue());
        }
      }
      case ANALYTICS_RETENTION -> {
        csv.printRecord(
            text("analytics.col.month"),
            text("analytics.col.customers"),
            text("analytics.col.retained"),
            text("analytics.col.percent"));
        for (AnalyticsReport.Retention month : report.retention()) {
          csv.printRecord(
              month.month(), month.customers(), month.retained(), decimal(month.percent()));
        }
      }
      case ANALYTICS_SLA -> {
        csv.printRecord(text("reports.col.day"), text("analytics.col.percent"));
        for (AnalyticsReport.DayPercent day : report.slaCompliance()) {
          csv.printRecord(day.day().toString(), decimal(day.percent()));
        }
      }
      case ANALYTICS_CSAT -> csat(csat, csv);
      default -> throw new IllegalArgumentException(table + " is not an analytics table");
    }
  }

  private void breakdowns(List<Breakdown> rows, CSVPrinter csv) throws IOException {
    csv.printRecord(
        text("analytics.col.key"),
        text("reports.col.total"),
        text("analytics.frtMedian"),
        text("analytics.frtP90"),
        text("analytics.resMedian"),
        text("analytics.resP90"));
    for (Breakdown row : rows) {
      csv.printRecord(
          row.key() == null ? text("assignee.none") : cell(row.key()),
          row.tickets(),
          decimal(row.firstResponseMinutes().median()),
          decimal(row.firstResponseMinutes().p90()),
          decimal(row.resolutionMinutes().median()),
          decimal(row.resolutionMinutes().p90()));
    }
  }

  /** Seven lines (Monday first) of 24 hours, as the page shows it. */
  private void heatmap(AnalyticsReport report, CSVPrinter csv) throws IOException {
    List<Object> header = new ArrayList<>();
    header.add(text("analytics.col.dayOfWeek") + " (" + report.timeZone() + ")");
    for (int hour = 0; hour < 24; hour++) {
      header.add(hour);
    }
    csv.printRecord(header);
    long[][] cells = AnalyticsGrid.heatmap(report);
    for (int day = 0; day < 7; day++) {
      List<Object> row = new ArrayList<>();
      row.add(text("analytics.dow." + (day + 1)));
      for (long tickets : cells[day]) {
        row.add(tickets);
      }
      csv.printRecord(row);
    }
  }

  private void csat(CsatReport report, CSVPrinter csv) throws IOException {
    csv.printRecord(
        text("analytics.col.group"),
        text("analytics.col.key"),
        text("analytics.col.sent"),
        text("analytics.col.answered"),
        text("analytics.col.responseRate"),
        text("analytics.csatScore"));
    csv.printRecord(
        text("analytics.group.all"),
        "",
        report.sent(),
        report.answered(),
        decimal(report.responseRate()),
        decimal(report.averageScore()));
    for (CsatReport.Row row : report.perAgent()) {
      csatRow(
          "analytics.group.agent",
          row.key() == null ? text("assignee.none") : cell(row.key()),
          row,
          csv);
    }
    for (CsatReport.Row row : report.perChannel()) {
      csatRow("analytics.group.channel", channelName(row.key()), row, csv);
    }
    for (CsatReport.Row row : report.trend()) {
      csatRow("analytics.group.day", row.key(), row, csv);
    }
  }

  private void csatRow(String group, String key, CsatReport.Row row, CSVPrinter csv)
      throws IOException {
    csv.printRecord(
        text(group),
        key,
        row.sent(),
        row.answered(),
        decimal(row.responseRate()),
        decimal(row.averageScore()));
  }

  private String channelName(String channel) {
    return channel != null && bundle.containsKey("channel." + channel)
        ? text("channel." + channel)
        : cell(channel);
  }

  private CSVPrinter printer(Writer out, List<String> header) throws IOException {
    out.write(BYTE_ORDER_MARK);
    CSVPrinter printer = new CSVPrinter(out, format);
    printer.printRecord(header);
    return printer;
  }

  /**
   * Text as typed, except that a spreadsheet would run a leading =, +, - or @ as a formula: such a
   * cell starts with an apostrophe instead (OWASP's advice against CSV injection).
   */
  static String cell(String text) {
    if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private String decimal(Double value) {
    return value == null ? "" : decimals.format(value);
  }

  private String text(String key) {
    return bundle.getString(key);
  }
}
