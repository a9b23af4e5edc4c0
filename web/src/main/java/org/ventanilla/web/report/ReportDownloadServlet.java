package org.ventanilla.web.report;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.csat.CsatService;
import org.ventanilla.report.ReportPeriod;
import org.ventanilla.report.ReportService;

/**
 * {@code GET /reports/daily.csv}, {@code /reports/open.csv}, {@code /reports/agents.csv} with the
 * page's {@code from}, {@code to}, {@code channel} and {@code lang}: a table of the reports page as
 * a download, from the same service calls as the page; {@code /reports/analytics-*.csv} the same
 * for the analytics page's tables and {@code /reports/analytics.csv} all of them in one file.
 * Behind the pages' sign-in like every page; read-only, so a plain link.
 */
@WebServlet("/reports/*")
public class ReportDownloadServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject ReportService reports;
  @Inject CsatService csat;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<ReportTable> table = ReportTable.ofPath(request.getPathInfo());
    if (table.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String from = request.getParameter("from");
    String to = request.getParameter("to");
    String channel = request.getParameter("channel");
    Locale locale =
        "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.forLanguageTag("es");
    ReportCsv csv = new ReportCsv(locale);
    try {
      ReportPeriod period = reports.period(from, to);
      // Each table is queried before the first byte goes out: a refusal can still be a 400.
      if (table.get() == ReportTable.ANALYTICS || table.get().analytics()) {
        var report = reports.analytics(from, to, channel, null);
        var surveys =
            table.get() == ReportTable.ANALYTICS || table.get() == ReportTable.ANALYTICS_CSAT
                ? csat.report(from, to)
                : null;
        try (Writer out = start(response, table.get(), period, channel)) {
          if (table.get() == ReportTable.ANALYTICS) {
            csv.analyticsAll(report, surveys, out);
          } else {
            csv.analytics(table.get(), report, surveys, out);
          }
        }
        return;
      }
      switch (table.get()) {
        case DAILY -> {
          var days = reports.ticketsPerDay(from, to, channel);
          try (Writer out = start(response, table.get(), period, channel)) {
            csv.daily(days, ReportsPage.channelsOf(days), out);
          }
        }
        case OPEN -> {
          var rows = reports.openByAssignee(channel);
          try (Writer out = start(response, table.get(), period, channel)) {
            csv.open(rows, out);
          }
        }
        case AGENTS -> {
          var rows = reports.agentWorkload(from, to, channel);
          try (Writer out = start(response, table.get(), period, channel)) {
            csv.agents(rows, out);
          }
        }
        default -> throw new IllegalStateException(table.get() + " is an analytics table");
      }
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("text/plain");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(e.getMessage());
    }
  }

  private static Writer start(
      HttpServletResponse response, ReportTable table, ReportPeriod period, String channel)
      throws IOException {
    String name =
        "ventanilla-"
            + table.name().toLowerCase(Locale.ROOT).replace('_', '-')
            + "-"
            + period.from()
            + "_"
            + period.to()
            + (channel == null || channel.isBlank()
                ? ""
                : "-" + channel.strip().toLowerCase(Locale.ROOT))
            + ".csv";
    response.setContentType("text/csv");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    response.setHeader("Cache-Control", "no-store");
    return response.getWriter();
  }
}
