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
import java.util.stream.Stream;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.InvalidInputException;
import org.ventanilla.report.AgentWorkload;
import org.ventanilla.report.DailyTickets;
import org.ventanilla.report.OpenTickets;
import org.ventanilla.report.ReportPeriod;
import org.ventanilla.report.ReportService;
import org.ventanilla.report.SummaryReport;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.faces.Menus;
import org.ventanilla.web.i18n.LanguageSelector;

/**
 * /reports.xhtml?from=&to=&channel=: the team's figures over a date range (the last 30 days unless
 * chosen) and a channel. Changing a filter reloads everything from the report services.
 */
@Named
@ViewScoped
public class ReportsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final String ALL = "all";
  private static final List<String> CHANNEL_OPTIONS =
      Stream.concat(Stream.of(ALL), Menus.of(ChannelType.class).stream()).toList();

  @Inject ReportService reports;
  @Inject LanguageSelector language;
  @Inject org.ventanilla.channel.whatsapp.WhatsAppPricingService pricingReport;

  private LocalDate from;
  private LocalDate to;
  private String channel = ALL;

  private SummaryReport summary;
  private List<DailyTickets> days = List.of();
  private List<OpenTickets> open = List.of();
  private List<AgentWorkload> agents = List.of();
  private String dailyChart;
  private String openChart;
  private PricingTable pricing =
      PricingTable.of(
          new org.ventanilla.channel.whatsapp.WhatsAppPricingReport(null, null, List.of()));

  public void load() {
    String chosen = ALL.equals(channel) ? null : channel;
    try {
      ReportPeriod period = reports.period(iso(from), iso(to));
      from = period.from();
      to = period.to();
      summary = reports.summary(iso(from), iso(to), chosen);
      days = reports.ticketsPerDay(iso(from), iso(to), chosen);
      open = reports.openByAssignee(chosen);
      agents = reports.agentWorkload(iso(from), iso(to), chosen);
      pricing = PricingTable.of(pricingReport.months(iso(from), iso(to)));
    } catch (InvalidInputException e) {
      Feedback.errorKey("reports.invalidRange");
      return;
    }
    ReportCharts charts = new ReportCharts(Feedback.bundle(), language.getLocale());
    dailyChart = charts.daily(days, getChannels());
    openChart = charts.open(open);
  }

  /** The channels the day table has a column for: both, or the chosen one. */
  public List<String> getChannels() {
    return channelsOf(days);
  }

  static List<String> channelsOf(List<DailyTickets> days) {
    return days.isEmpty() ? List.of() : new ArrayList<>(days.get(0).byChannel().keySet());
  }

  /** The link to a table's CSV download with the filters shown now. */
  public String downloadUrl(String table) {
    StringBuilder url =
        new StringBuilder(
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath())
            .append("/reports/")
            .append(ReportTable.valueOf(table.toUpperCase(Locale.ROOT)).fileName())
            .append("?from=")
            .append(iso(from))
            .append("&to=")
            .append(iso(to));
    if (!ALL.equals(channel)) {
      url.append("&channel=").append(URLEncoder.encode(channel, StandardCharsets.UTF_8));
    }
    return url.append("&lang=").append(language.getLanguage()).toString();
  }

  public long getOpenNew() {
    return open.stream().mapToLong(OpenTickets::newTickets).sum();
  }

  public long getOpenInProgress() {
    return open.stream().mapToLong(OpenTickets::inProgress).sum();
  }

  public long getOpenTotal() {
    return open.stream().mapToLong(OpenTickets::total).sum();
  }

  public boolean isLoaded() {
    return summary != null;
  }

  private static String iso(LocalDate day) {
    return day == null ? null : day.toString();
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
    this.channel = channel == null || !CHANNEL_OPTIONS.contains(channel) ? ALL : channel;
  }

  public SummaryReport getSummary() {
    return summary;
  }

  public List<DailyTickets> getDays() {
    return days;
  }

  public List<OpenTickets> getOpen() {
    return open;
  }

  public List<AgentWorkload> getAgents() {
    return agents;
  }

  public String getDailyChart() {
    return dailyChart;
  }

  /** WhatsApp messages per month and Meta pricing category in the period. */
  public PricingTable getPricing() {
    return pricing;
  }

  public String getOpenChart() {
    return openChart;
  }
}
