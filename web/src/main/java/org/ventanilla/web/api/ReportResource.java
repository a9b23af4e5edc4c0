package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ventanilla.channel.whatsapp.WhatsAppPricingReport;
import org.ventanilla.channel.whatsapp.WhatsAppPricingService;
import org.ventanilla.csat.CsatReport;
import org.ventanilla.csat.CsatService;
import org.ventanilla.report.ReportService;
import org.ventanilla.report.SummaryReport;

/** Reports for agents and admins. */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

  @Inject ReportService reports;
  @Inject CsatService csat;

  /** Every figure of the analytics page (see AnalyticsReport). */
  @GET
  @Path("analytics")
  public org.ventanilla.report.AnalyticsReport analytics(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("channel") String channel,
      @QueryParam("timeZone") String timeZone) {
    return reports.analytics(from, to, channel, timeZone);
  }

  /** Every table of the analytics as CSV: a first column names the table. */
  @GET
  @Path("analytics.csv")
  @Produces("text/csv")
  public Response analyticsCsv(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("channel") String channel,
      @QueryParam("timeZone") String timeZone) {
    var a = reports.analytics(from, to, channel, timeZone);
    StringBuilder csv =
        new StringBuilder(
            "table,key,tickets,firstResponseMedian,firstResponseP90,resolutionMedian,resolutionP90\r\n");
    java.util.Map<String, java.util.List<org.ventanilla.report.AnalyticsReport.Breakdown>> tables =
        new java.util.LinkedHashMap<>();
    tables.put("channel", a.byChannel());
    tables.put("agent", a.byAgent());
    tables.put("tag", a.byTag());
    tables.put("priority", a.byPriority());
    tables.forEach(
        (name, rows) ->
            rows.forEach(
                b ->
                    csv.append(name)
                        .append(',')
                        .append(cell(b.key()))
                        .append(',')
                        .append(b.tickets())
                        .append(',')
                        .append(cell(b.firstResponseMinutes().median()))
                        .append(',')
                        .append(cell(b.firstResponseMinutes().p90()))
                        .append(',')
                        .append(cell(b.resolutionMinutes().median()))
                        .append(',')
                        .append(cell(b.resolutionMinutes().p90()))
                        .append("\r\n")));
    csv.append("\r\ntable,day,open\r\n");
    a.backlog()
        .forEach(
            d ->
                csv.append("backlog,").append(d.day()).append(',').append(d.open()).append("\r\n"));
    csv.append("\r\ntable,dayOfWeek,hour,tickets\r\n");
    a.heatmap()
        .forEach(
            h ->
                csv.append("heatmap,")
                    .append(h.dayOfWeek())
                    .append(',')
                    .append(h.hour())
                    .append(',')
                    .append(h.tickets())
                    .append("\r\n"));
    csv.append("\r\ntable,month,customers,retained,percent\r\n");
    a.retention()
        .forEach(
            r ->
                csv.append("retention,")
                    .append(r.month())
                    .append(',')
                    .append(r.customers())
                    .append(',')
                    .append(r.retained())
                    .append(',')
                    .append(cell(r.percent()))
                    .append("\r\n"));
    csv.append("\r\ntable,day,percent\r\n");
    a.slaCompliance()
        .forEach(
            d ->
                csv.append("slaCompliance,")
                    .append(d.day())
                    .append(',')
                    .append(cell(d.percent()))
                    .append("\r\n"));
    return Response.ok(csv.toString(), "text/csv;charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"analytics.csv\"")
        .build();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String k = String.valueOf(value).replaceAll("[\\r\\n,\"]", " ");
    return !k.isEmpty() && "=+-@".indexOf(k.charAt(0)) >= 0 ? "'" + k : k;
  }

  /** Surveys by the day they were sent: rate, average score, per agent, channel and day. */
  @GET
  @Path("csat")
  public CsatReport csat(@QueryParam("from") String from, @QueryParam("to") String to) {
    return csat.report(from, to);
  }

  /** The same as CSV: one line per group (all, agent:..., channel:..., day:...). */
  @GET
  @Path("csat.csv")
  @Produces("text/csv")
  public Response csatCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
    CsatReport report = csat.report(from, to);
    StringBuilder csv = new StringBuilder("group,key,sent,answered,responseRate,averageScore\r\n");
    csv.append(
        line(
            "all",
            "",
            report.sent(),
            report.answered(),
            report.responseRate(),
            report.averageScore()));
    report
        .perAgent()
        .forEach(
            r ->
                csv.append(
                    line(
                        "agent",
                        r.key(),
                        r.sent(),
                        r.answered(),
                        r.responseRate(),
                        r.averageScore())));
    report
        .perChannel()
        .forEach(
            r ->
                csv.append(
                    line(
                        "channel",
                        r.key(),
                        r.sent(),
                        r.answered(),
                        r.responseRate(),
                        r.averageScore())));
    report
        .trend()
        .forEach(
            r ->
                csv.append(
                    line(
                        "day",
                        r.key(),
                        r.sent(),
                        r.answered(),
                        r.responseRate(),
                        r.averageScore())));
    return Response.ok(csv.toString(), "text/csv;charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"csat.csv\"")
        .build();
  }

  private static String line(
      String group, String key, long sent, long answered, Double rate, Double score) {
    String k = key == null ? "" : key.replaceAll("[\\r\\n,\"]", " ");
    // A leading = + - @ would be a formula in a spreadsheet.
    if (!k.isEmpty() && "=+-@".indexOf(k.charAt(0)) >= 0) {
      k = "'" + k;
    }
    return group
        + ","
        + k
        + ","
        + sent
        + ","
        + answered
        + ","
        + (rate == null ? "" : rate)
        + ","
        + (score == null ? "" : score)
        + "\r\n";
  }

  @Inject WhatsAppPricingService whatsappPricing;

  @GET
  @Path("summary")
  public SummaryReport summary(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("channel") String channel) {
    return reports.summary(from, to, channel);
  }

  /** WhatsApp messages per month and Meta pricing category (from the statuses' pricing). */
  @GET
  @Path("whatsapp-pricing")
  public WhatsAppPricingReport whatsappPricing(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    return whatsappPricing.months(from, to);
  }
}
