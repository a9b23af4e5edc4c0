package org.ventanilla.report;

import java.time.LocalDate;

/** The days a report covers, both included, as the service settled them (defaults filled in). */
public record ReportPeriod(LocalDate from, LocalDate to) {}
