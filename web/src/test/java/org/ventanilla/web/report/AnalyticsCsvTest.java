package org.ventanilla.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.csat.CsatReport;
import org.ventanilla.report.AnalyticsReport;
import org.ventanilla.report.AnalyticsReport.Breakdown;
import org.ventanilla.report.AnalyticsReport.Percentiles;

class AnalyticsCsvTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

  static AnalyticsReport report() {
    Map<String, Long> perChannel = new LinkedHashMap<>();
    perChannel.put("email", 3L);
    perChannel.put("whatsapp", 1L);
    return new AnalyticsReport(
        DAY,
        DAY.plusDays(1),
        null,
        "Europe/Madrid",
        4,
        new Percentiles(15.0, 42.5),
        new Percentiles(60.0, null),
        List.of(
            new Breakdown("email", 3, new Percentiles(15.0, 42.5), new Percentiles(60.0, 90.0))),
        List.of(
            new Breakdown("ana", 2, new Percentiles(10.0, 10.0), new Percentiles(null, null)),
            new Breakdown(null, 2, new Percentiles(null, null), new Percentiles(null, null))),
        List.of(new Breakdown("=cmd", 1, new Percentiles(1.5, 1.5), new Percentiles(2.0, 2.0))),
        List.of(),
        List.of(new AnalyticsReport.HeatCell(1, 9, 3), new AnalyticsReport.HeatCell(7, 23, 1)),
        List.of(
            new AnalyticsReport.DayCount(DAY, 2), new AnalyticsReport.DayCount(DAY.plusDays(1), 1)),
        20.0,
        75.0,
        perChannel,
        List.of(new AnalyticsReport.Retention("2026-10", 4, 1, 25.0)),
        1,
        List.of(new AnalyticsReport.DayPercent(DAY, 50.0)),
        new AnalyticsReport.Csat(2, 1, 50.0, 4.0));
  }

  static CsatReport csat() {
    return new CsatReport(
        DAY,
        DAY.plusDays(1),
        2,
        1,
        50.0,
        4.0,
        List.of(new CsatReport.Row(null, 2, 1, 50.0, 4.0)),
        List.of(new CsatReport.Row("whatsapp", 2, 1, 50.0, 4.0)),
        List.of(new CsatReport.Row("2026-11-02", 2, 1, 50.0, 4.0)));
  }

  private static String csv(Locale locale, ReportTable table) throws Exception {
    StringWriter out = new StringWriter();
    new ReportCsv(locale).analytics(table, report(), csat(), out);
    return out.toString();
  }

  @Test
  @DisplayName("a breakdown lists its groups, unassigned by name and missing times empty")
  void agentBreakdown() throws Exception {
    assertEquals(
        "\uFEFFGroup,Total,\"First response, median\",\"First response, p90\","
            + "\"Resolution, median\",\"Resolution, p90\"\r\n"
            + "ana,2,10.0,10.0,,\r\n"
            + "Unassigned,2,,,,\r\n",
        csv(Locale.ENGLISH, ReportTable.ANALYTICS_AGENT));
  }

  @Test
  @DisplayName("a tag a spreadsheet would run as a formula is written as text, in Spanish with ;")
  void tagFormula() throws Exception {
    assertEquals(
        "\uFEFFGrupo;Total;Primera respuesta, mediana;Primera respuesta, p90;"
            + "Resolución, mediana;Resolución, p90\r\n"
            + "'=cmd;1;1,5;1,5;2,0;2,0\r\n",
        csv(Locale.forLanguageTag("es"), ReportTable.ANALYTICS_TAG));
  }

  @Test
  @DisplayName("the heatmap is seven lines of 24 hours, Monday first, empty hours as 0")
  void heatmap() throws Exception {
    String[] lines = csv(Locale.ENGLISH, ReportTable.ANALYTICS_HEATMAP).split("\r\n");
    assertEquals(8, lines.length);
    assertTrue(lines[0].startsWith("\uFEFFDay of week (Europe/Madrid),0,1,"), lines[0]);
    assertEquals("Mon,0,0,0,0,0,0,0,0,0,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0", lines[1]);
    assertEquals("Sun,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1", lines[7]);
  }

  @Test
  @DisplayName("retention and CSAT tables carry their figures")
  void retentionAndCsat() throws Exception {
    assertEquals(
        "\uFEFFMonth,Customers,Came back the next month,%\r\n2026-10,4,1,25.0\r\n",
        csv(Locale.ENGLISH, ReportTable.ANALYTICS_RETENTION));
    assertEquals(
        "\uFEFFGroup,Group,Surveys sent,Answered,% answered,Average satisfaction\r\n"
            + "All,,2,1,50.0,4.0\r\n"
            + "Agent,Unassigned,2,1,50.0,4.0\r\n"
            + "Channel,WhatsApp,2,1,50.0,4.0\r\n"
            + "Day,2026-11-02,2,1,50.0,4.0\r\n",
        csv(Locale.ENGLISH, ReportTable.ANALYTICS_CSAT));
  }

  @Test
  @DisplayName("the whole file has every analytics table once, each under its title")
  void allTables() throws Exception {
    StringWriter out = new StringWriter();
    new ReportCsv(Locale.ENGLISH).analyticsAll(report(), csat(), out);
    String all = out.toString();
    assertEquals(1, all.chars().filter(c -> c == '\uFEFF').count());
    for (String title :
        List.of(
            "By channel",
            "By agent",
            "By tag",
            "By priority",
            "Tickets by hour and day",
            "Open at the end of each day",
            "Tickets per channel",
            "Monthly retention",
            "SLA compliance per day")) {
      assertTrue(all.contains("\r\n" + title + "\r\n") || all.startsWith("\uFEFF" + title), title);
    }
    assertTrue(all.contains("Email,3\r\nWhatsApp,1\r\n"), all);
  }

  @Test
  @DisplayName("the page's heatmap shades cells against the busiest hour, 0 for none")
  void heatmapShades() {
    List<AnalyticsPage.HeatRow> rows = AnalyticsPage.heatRows(report());
    assertEquals(7, rows.size());
    assertEquals(new AnalyticsPage.HeatCell(3, 4), rows.get(0).hours().get(9));
    assertEquals(new AnalyticsPage.HeatCell(1, 2), rows.get(6).hours().get(23));
    assertEquals(new AnalyticsPage.HeatCell(0, 0), rows.get(3).hours().get(12));
  }
}
