package org.ventanilla.report;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/**
 * Tickets created on one day (UTC), per channel ({@code email}, {@code whatsapp}; only the chosen
 * one when the report is filtered by channel). Days without tickets are there with zeros.
 */
public record DailyTickets(LocalDate day, Map<String, Long> byChannel, long total)
    implements Serializable {}
