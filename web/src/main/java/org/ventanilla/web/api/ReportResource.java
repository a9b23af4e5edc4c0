package org.ventanilla.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

  @GET
  @Path("summary")
  public SummaryReport summary(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("channel") String channel) {
    return reports.summary(from, to, channel);
  }
}
