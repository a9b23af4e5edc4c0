package org.ventanilla.web.report;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.csat.CsatReport;
import org.ventanilla.csat.CsatService;
import org.ventanilla.report.AnalyticsReport;
import org.ventanilla.report.ReportService;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.i18n.LanguageSelector;

/**
 * /analytics.xhtml?from=&to=&channel=: the owner's analytics (percentiles per channel, agent, tag
 * and priority, the hour × weekday heatmap in the business-hours time zone, backlog, tickets per
 * channel, retention, SLA trend, CSAT), from the same service calls as {@code GET
 * /api/v1/reports/analytics} and {@code /reports/csat}. Every table downloads as CSV through {@code
 * /reports/analytics-*.csv} (ReportDownloadServlet, behind the pages' sign-in).
 */
@Named
@ViewScoped
public class AnalyticsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final List<String> CHANNEL_OPTIONS = List.of(ReportsPage.ALL, "email", "whatsapp");
  private static final List<Integer> HOURS = IntStream.range(0, 24).boxed().toList();

  /** A cell of the heatmap: its count and its shade (0-4). */
  public record HeatCell(long tickets, int shade) implements Serializable {}

  /** A line of the heatmap: the ISO day of week (1 = Monday) and its 24 hours. */
  public record HeatRow(int dayOfWeek, List<HeatCell> hours) implements Serializable {}

  /** Tickets created in one channel. */
  public record ChannelCount(String channel, long tickets) implements Serializable {}

  @Inject ReportService reports;
  @Inject CsatService csatService;
  @Inject LanguageSelector language;

  private LocalDate from;
  private LocalDate to;
  private String channel = ReportsPage.ALL;

  private AnalyticsReport report;
  private CsatReport csat;
  private List<HeatRow> heatmap = List.of();
  private List<ChannelCount> channelCounts = List.of();
  private String backlogChart;
  private String slaChart;
  private String retentionChart;
  private String channelsChart;
  private String csatChart;

  public void load() {
    String chosen = ReportsPage.ALL.equals(channel) ? null : channel;
    try {
      report = reports.analytics(iso(from), iso(to), chosen, null);
      csat = csatService.report(iso(report.from()), iso(report.to()));
    } catch (InvalidInputException e) {
      Feedback.errorKey("reports.invalidRange");
      return;
    }
    from = report.from();
    to = report.to();
    heatmap = heatRows(report);
    channelCounts =
        report.ticketsPerChannel().entrySet().stream()
            .map(e -> new ChannelCount(e.getKey(), e.getValue()))
            .toList();
    AnalyticsCharts charts = new AnalyticsCharts(Feedback.bundle(), language.getLocale());
    backlogChart = charts.backlog(report.backlog());
    slaChart = charts.sla(report.slaCompliance());
    retentionChart = charts.retention(report.retention());
    channelsChart = charts.channels(report.ticketsPerChannel());
    csatChart = charts.csat(csat.trend());
  }

  static List<HeatRow> heatRows(AnalyticsReport report) {
    long[][] cells = AnalyticsGrid.heatmap(report);
    long busiest = 0;
    for (long[] day : cells) {
      for (long tickets : day) {
        busiest = Math.max(busiest, tickets);
      }
    }
    List<HeatRow> rows = new ArrayList<>(7);
    for (int day = 0; day < 7; day++) {
      List<HeatCell> hours = new ArrayList<>(24);
      for (long tickets : cells[day]) {
        hours.add(new HeatCell(tickets, AnalyticsGrid.shade(tickets, busiest)));
      }
      rows.add(new HeatRow(day + 1, List.copyOf(hours)));
    }
    return List.copyOf(rows);
  }

  /** The link to a table's CSV ({@code channel}, {@code backlog}..., or {@code all}). */
  public String downloadUrl(String table) {
    ReportTable chosen =
        "all".equals(table)
            ? ReportTable.ANALYTICS
            : ReportTable.valueOf("ANALYTICS_" + table.toUpperCase(Locale.ROOT));
    StringBuilder url =
        new StringBuilder(
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath())
            .append("/reports/")
            .append(chosen.fileName())
            .append("?from=")
            .append(iso(from))
            .append("&to=")
            .append(iso(to));
    if (!ReportsPage.ALL.equals(channel)) {
      url.append("&channel=").append(URLEncoder.encode(channel, StandardCharsets.UTF_8));
    }
    return url.append("&lang=").append(language.getLanguage()).toString();
  }

  private static String iso(LocalDate day) {
    return day == null ? null : day.toString();
  }

  public boolean isLoaded() {
    return report != null;
  }

  public AnalyticsReport getReport() {
    return report;
  }

  public CsatReport getCsat() {
    return csat;
  }

  public List<HeatRow> getHeatmap() {
    return heatmap;
  }

  public List<ChannelCount> getChannelCounts() {
    return channelCounts;
  }

  public List<Integer> getHours() {
    return HOURS;
  }

  public String getBacklogChart() {
    return backlogChart;
  }

  public String getSlaChart() {
    return slaChart;
  }

  public String getRetentionChart() {
    return retentionChart;
  }

  public String getChannelsChart() {
    return channelsChart;
  }

  public String getCsatChart() {
    return csatChart;
  }

  public List<String> getChannelOptions() {
    return CHANNEL_OPTIONS;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel =
        channel == null || !CHANNEL_OPTIONS.contains(channel) ? ReportsPage.ALL : channel;
  }
}
