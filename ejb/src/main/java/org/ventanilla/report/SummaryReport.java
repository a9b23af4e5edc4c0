package org.ventanilla.report;

import java.io.Serializable;
import java.util.Map;

/**
 * The summary of the tickets created in a date range: how many, per channel, how many are still
 * open, first response time in minutes (average and median of the answered ones), the share
 * resolved within 24 hours of creation, and the share of tickets under an SLA that kept it. A
 * figure over no tickets is null.
 */
public record SummaryReport(
    long ticketsCreated,
    Map<String, Long> ticketsByChannel,
    long openTickets,
    Minutes firstResponseMinutes,
    Double resolvedWithin24hPercent,
    Double slaCompliancePercent)
    implements Serializable {

  /** Average and median, rounded to a tenth. */
  public record Minutes(Double avg, Double median) implements Serializable {}
}
