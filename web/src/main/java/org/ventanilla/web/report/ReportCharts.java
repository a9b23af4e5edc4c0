package org.ventanilla.web.report;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.ToLongFunction;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.Enums;
import org.ventanilla.report.DailyTickets;
import org.ventanilla.report.OpenTickets;
import org.ventanilla.ticket.TicketStatus;

/**
 * Chart.js configurations for {@code p:chart}, which takes the chart as JSON (PrimeFaces 15 ships
 * Chart.js 4 and no Java chart models). The JSON lands inside a script element, so {@code <} is
 * written as an escape: a name like {@code </script>} stays text.
 */
final class ReportCharts {

  private static final Map<String, String> COLOURS =
      Map.of(
          Enums.json(ChannelType.EMAIL), "#2563eb",
          Enums.json(ChannelType.WHATSAPP), "#16a34a",
          Enums.json(TicketStatus.NEW), "#ef4444",
          Enums.json(TicketStatus.IN_PROGRESS), "#f59e0b");

  private final ResourceBundle bundle;
  private final DateTimeFormatter dayLabel;

  ReportCharts(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.dayLabel = DateTimeFormatter.ofPattern("d MMM", locale);
  }

  /** Tickets created per day, a bar per day stacked by channel. */
  String daily(List<DailyTickets> days, List<String> channels) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    days.forEach(day -> labels.add(dayLabel.format(day.day())));
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (String channel : channels) {
      datasets.add(
          dataset(
              bundle.getString("channel." + channel),
              COLOURS.get(channel),
              days,
              day -> day.byChannel().getOrDefault(channel, 0L)));
    }
    return write(stackedBars(labels, datasets, false));
  }

  /** Open tickets now, a horizontal bar per assignee stacked by status. */
  String open(List<OpenTickets> rows) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    rows.forEach(
        row ->
            labels.add(row.unassigned() ? bundle.getString("assignee.none") : row.displayName()));
    JsonArrayBuilder datasets =
        Json.createArrayBuilder()
            .add(
                dataset(
                    bundle.getString("status.new"),
                    COLOURS.get("new"),
                    rows,
                    OpenTickets::newTickets))
            .add(
                dataset(
                    bundle.getString("status.in_progress"),
                    COLOURS.get("in_progress"),
                    rows,
                    OpenTickets::inProgress));
    return write(stackedBars(labels, datasets, true));
  }

  private static <T> JsonObjectBuilder dataset(
      String label, String colour, List<T> rows, ToLongFunction<T> value) {
    JsonArrayBuilder data = Json.createArrayBuilder();
    rows.forEach(row -> data.add(value.applyAsLong(row)));
    return Json.createObjectBuilder()
        .add("label", label)
        .add("backgroundColor", colour)
        .add("maxBarThickness", 36)
        .add("data", data);
  }

  private static JsonObject stackedBars(
      JsonArrayBuilder labels, JsonArrayBuilder datasets, boolean horizontal) {
    String valueAxis = horizontal ? "x" : "y";
    String categoryAxis = horizontal ? "y" : "x";
    JsonObjectBuilder options =
        Json.createObjectBuilder()
            .add("indexAxis", categoryAxis)
            .add("responsive", true)
            .add("maintainAspectRatio", false)
            .add("animation", false)
            .add(
                "scales",
                Json.createObjectBuilder()
                    .add(categoryAxis, Json.createObjectBuilder().add("stacked", true))
                    .add(
                        valueAxis,
                        Json.createObjectBuilder()
                            .add("stacked", true)
                            .add("beginAtZero", true)
                            .add("ticks", Json.createObjectBuilder().add("precision", 0))))
            .add(
                "plugins",
                Json.createObjectBuilder()
                    .add("legend", Json.createObjectBuilder().add("position", "bottom")));
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", options)
        .build();
  }

  private static String write(JsonObject chart) {
    return chart.toString().replace("<", "\\u003c");
  }
}
