package org.ventanilla.web.report;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.ventanilla.csat.CsatReport;
import org.ventanilla.report.AnalyticsReport;

/**
 * Chart.js configurations of the analytics page for {@code p:chart} (JSON, like {@link
 * ReportCharts}): backlog, SLA compliance and CSAT per day as lines, retention per month and
 * tickets per channel as bars. {@code <} is escaped, the JSON lands inside a script element.
 */
final class AnalyticsCharts {

  private static final String BLUE = "#2563eb";
  private static final String GREEN = "#16a34a";
  private static final String AMBER = "#d97706";
  private static final String VIOLET = "#7c3aed";

  private final ResourceBundle bundle;
  private final DateTimeFormatter dayLabel;

  AnalyticsCharts(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.dayLabel = DateTimeFormatter.ofPattern("d MMM", locale);
  }

  String backlog(List<AnalyticsReport.DayCount> days) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder open = Json.createArrayBuilder();
    days.forEach(
        d -> {
          labels.add(dayLabel.format(d.day()));
          open.add(d.open());
        });
    return chart("line", labels, dataset(bundle.getString("analytics.col.open"), BLUE, open), null);
  }

  String sla(List<AnalyticsReport.DayPercent> days) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder percent = Json.createArrayBuilder();
    days.forEach(
        d -> {
          labels.add(dayLabel.format(d.day()));
          addOrNull(percent, d.percent());
        });
    return chart(
        "line", labels, dataset(bundle.getString("analytics.col.percent"), AMBER, percent), 100);
  }

  String retention(List<AnalyticsReport.Retention> months) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder percent = Json.createArrayBuilder();
    months.forEach(
        m -> {
          labels.add(m.month());
          addOrNull(percent, m.percent());
        });
    return chart(
        "bar", labels, dataset(bundle.getString("analytics.col.percent"), GREEN, percent), 100);
  }

  String channels(Map<String, Long> perChannel) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder tickets = Json.createArrayBuilder();
    perChannel.forEach(
        (channel, count) -> {
          labels.add(
              bundle.containsKey("channel." + channel)
                  ? bundle.getString("channel." + channel)
                  : channel);
          tickets.add(count);
        });
    return chart(
        "bar", labels, dataset(bundle.getString("reports.col.total"), BLUE, tickets), null);
  }

  /** The average score of the surveys sent each day (a scale of 1 to 5). */
  String csat(List<CsatReport.Row> trend) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder score = Json.createArrayBuilder();
    trend.forEach(
        r -> {
          labels.add(r.key());
          addOrNull(score, r.averageScore());
        });
    return chart(
        "line", labels, dataset(bundle.getString("analytics.csatScore"), VIOLET, score), 5);
  }

  private static void addOrNull(JsonArrayBuilder data, Double value) {
    if (value == null) {
      data.addNull();
    } else {
      data.add(value);
    }
  }

  private static JsonObjectBuilder dataset(String label, String colour, JsonArrayBuilder data) {
    return Json.createObjectBuilder()
        .add("label", label)
        .add("borderColor", colour)
        .add("backgroundColor", colour)
        .add("maxBarThickness", 36)
        .add("spanGaps", true)
        .add("data", data);
  }

  private static String chart(
      String type, JsonArrayBuilder labels, JsonObjectBuilder dataset, Integer max) {
    JsonObjectBuilder y = Json.createObjectBuilder().add("beginAtZero", true);
    if (max != null) {
      y.add("max", max);
    } else {
      y.add("ticks", Json.createObjectBuilder().add("precision", 0));
    }
    return Json.createObjectBuilder()
        .add("type", type)
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add("datasets", Json.createArrayBuilder().add(dataset)))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("scales", Json.createObjectBuilder().add("y", y))
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("display", false))))
        .build()
        .toString()
        .replace("<", "\\u003c");
  }
}
