package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.ventanilla.channel.whatsapp.WhatsAppPricingReport;
import org.ventanilla.channel.whatsapp.WhatsAppPricingService;
import org.ventanilla.csat.CsatReport;
import org.ventanilla.csat.CsatService;
import org.ventanilla.report.ReportService;
import org.ventanilla.report.SummaryReport;
import org.ventanilla.web.report.ReportCsv;

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

  /**
   * Every table of the analytics page as CSV, each under a line with its title (the page's
   * downloads, {@code /reports/analytics.csv}): column names in {@code lang} (es or en, by default
   * en), Spanish files separated by semicolons.
   */
  @GET
  @Path("analytics.csv")
  @Produces("text/csv")
  public Response analyticsCsv(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("channel") String channel,
      @QueryParam("timeZone") String timeZone,
      @QueryParam("lang") String lang) {
    var report = reports.analytics(from, to, channel, timeZone);
    var surveys = csat.report(from, to);
    ReportCsv writer =
        new ReportCsv("es".equals(lang) ? Locale.forLanguageTag("es") : Locale.ENGLISH);
    StringWriter body = new StringWriter();
    try {
      writer.analyticsAll(report, surveys, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.ok(body.toString(), "text/csv;charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"analytics.csv\"")
        .build();
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
