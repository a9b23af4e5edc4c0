package org.ventanilla.ticket;

/** What a bulk action did to one ticket: applied, or why not ({@code conflict}, ...). */
public record BulkOutcome(long id, boolean ok, String error, String message) {

  static BulkOutcome applied(long id) {
    return new BulkOutcome(id, true, null, null);
  }

  static BulkOutcome failed(long id, String error, String message) {
    return new BulkOutcome(id, false, error, message);
  }
}
