package org.ventanilla.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One figure of the run, beside the baseline measured in the same run. */
record Result(
    String name, double value, String unit, Double baseline, String baselineName, String note) {

  /** The figure as the results file holds it (two decimals, as printed). */
  JsonObject json() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("name", name)
            .add("value", twoDecimals(value))
            .add("unit", unit);
    if (baseline == null) {
      json.addNull("baseline");
    } else {
      json.add("baseline", twoDecimals(baseline));
    }
    if (baselineName == null) {
      json.addNull("baselineName");
    } else {
      json.add("baselineName", baselineName);
    }
    return (note == null ? json.addNull("note") : json.add("note", note)).build();
  }

  private static BigDecimal twoDecimals(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
