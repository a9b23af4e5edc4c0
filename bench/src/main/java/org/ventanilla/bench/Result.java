package org.ventanilla.bench;

import java.util.Locale;

/** One figure of the run, beside the baseline measured in the same run. */
record Result(
    String name, double value, String unit, Double baseline, String baselineName, String note) {

  String json() {
    return String.format(
        Locale.ROOT,
        "{\"name\":\"%s\",\"value\":%.2f,\"unit\":\"%s\",\"baseline\":%s,\"baselineName\":%s,\"note\":%s}",
        name,
        value,
        unit,
        baseline == null ? "null" : String.format(Locale.ROOT, "%.2f", baseline),
        baselineName == null ? "null" : "\"" + baselineName + "\"",
        note == null ? "null" : "\"" + note.replace("\"", "'") + "\"");
  }
}
