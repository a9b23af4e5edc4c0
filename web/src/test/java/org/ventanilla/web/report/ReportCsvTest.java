package org.ventanilla.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ventanilla.report.AgentWorkload;
import org.ventanilla.report.OpenTickets;

class ReportCsvTest {

  @Test
  @DisplayName("Spanish CSV: BOM, semicolons, decimal commas, empty cells for missing times")
  void spanishDialect() throws Exception {
    StringWriter out = new StringWriter();
    new ReportCsv(Locale.forLanguageTag("es"))
        .agents(
            List.of(
                new AgentWorkload("ana", "Ana Pérez", true, 3, 2, 4, 12.5, 10.0),
                new AgentWorkload("luis", "Luis; el nuevo", true, 0, 0, 0, null, null)),
            out);

    assertEquals(
        "\uFEFFAgente;Usuario;Abiertos asignados;Resueltos en el periodo;Respondidos;"
            + "Primera respuesta media (min);Primera respuesta mediana (min)\r\n"
            + "Ana Pérez;ana;3;2;4;12,5;10,0\r\n"
            + "\"Luis; el nuevo\";luis;0;0;0;;\r\n",
        out.toString());
  }

  @Test
  @DisplayName("a name a spreadsheet would run as a formula is written as text")
  void formulaIsText() throws Exception {
    StringWriter out = new StringWriter();
    new ReportCsv(Locale.ENGLISH)
        .open(
            List.of(
                new OpenTickets("x", "=HYPERLINK(\"http://evil\")", 1, 0, 1),
                new OpenTickets(null, null, 2, 1, 3)),
            out);

    assertEquals(
        "\uFEFFAgent,Username,New,In progress,Total\r\n"
            + "\"'=HYPERLINK(\"\"http://evil\"\")\",x,1,0,1\r\n"
            + "Unassigned,,2,1,3\r\n",
        out.toString());
  }
}
