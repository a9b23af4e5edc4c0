package org.ventanilla.channel.whatsapp;

import java.util.List;
import java.util.Map;

/**
 * WhatsApp messages per month and Meta pricing category ({@code service}, {@code utility}...): what
 * the channel costs. {@code from}/{@code to} are the days covered (YYYY-MM-DD, both included).
 */
public record WhatsAppPricingReport(String from, String to, List<Month> months) {

  /** One month ({@code YYYY-MM}) and its messages per category. */
  public record Month(String month, Map<String, Long> categories) {}
}
