package org.ventanilla.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.channel.whatsapp.WhatsAppPricingReport;
import org.ventanilla.channel.whatsapp.WhatsAppPricingReport.Month;

class PricingTableTest {

  private static Map<String, Long> counts(Object... pairs) {
    Map<String, Long> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
    }
    return map;
  }

  @Test
  @DisplayName(
      "one column per category found (service first), zero where a month has none, a total per"
          + " month")
  void monthsByCategory() {
    PricingTable table =
        PricingTable.of(
            new WhatsAppPricingReport(
                "2026-11-01",
                "2026-12-31",
                List.of(
                    new Month("2026-11", counts("utility", 1, "service", 4)),
                    new Month("2026-12", counts("marketing", 2, "service", 2)))));
    assertEquals(List.of("service", "marketing", "utility"), table.categories());
    assertEquals("2026-11", table.rows().get(0).month());
    assertEquals(List.of(4L, 0L, 1L), table.rows().get(0).counts());
    assertEquals(5, table.rows().get(0).total());
    assertEquals(List.of(2L, 2L, 0L), table.rows().get(1).counts());
    assertTrue(PricingTable.of(new WhatsAppPricingReport("a", "b", List.of())).isEmpty());
  }
}
