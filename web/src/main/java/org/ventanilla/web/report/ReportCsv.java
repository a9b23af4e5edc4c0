package org.ventanilla.web.report;

import java.io.IOException;
import java.io.Writer;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ventanilla.report.AgentWorkload;
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
