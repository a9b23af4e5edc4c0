package org.ventanilla.search;

import java.util.List;

/**
 * What one search found, grouped, best first. {@code highlight} is HTML: escaped text with {@code
 * <mark>} around the matches. With {@code ticketsTotalCapped} the words are in so many tickets that
 * only the newest {@code ticketsTotal} were ranked: shown as "1,000+".
 */
public record SearchResults(
    List<CustomerHit> customers,
    List<TicketHit> tickets,
    long ticketsTotal,
    boolean ticketsTotalCapped,
    int page,
    int size) {

  /** A customer whose name, email or phone matched. */
  public record CustomerHit(
      long id, String name, List<String> emails, List<String> phones, String highlight) {}

  /** A ticket whose number, subject, messages or customer matched. */
  public record TicketHit(
      long id,
      long number,
      String subject,
      String status,
      long customerId,
      String customerName,
      String highlight) {}
}
