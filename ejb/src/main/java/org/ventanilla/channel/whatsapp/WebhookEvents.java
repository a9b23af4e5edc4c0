package org.ventanilla.channel.whatsapp;

import java.time.Instant;
import java.util.List;

/** What one webhook delivery holds, across its entries and changes: messages and statuses. */
public record WebhookEvents(List<Inbound> messages, List<StatusUpdate> statuses) {

  /**
   * A customer's message to the number {@code phoneNumberId}, from {@code waId} (the phone, when
   * Meta shares it) and/or {@code userId} (the business-scoped user id, BSUID) with its parent and
   * the username as Meta sent them. A {@code system} message carries {@code change} instead of
   * content to file; an interactive answer carries {@code choice}.
   */
  public record Inbound(
      String phoneNumberId,
      String waId,
      String profileName,
      String wamid,
      Instant timestamp,
      String type,
      String text,
      Media media,
      String contextWamid,
      String userId,
      String parentUserId,
      String username,
      IdentityChange change,
      Choice choice) {

    public Inbound(
        String phoneNumberId,
        String waId,
        String profileName,
        String wamid,
        Instant timestamp,
        String type,
        String text,
        Media media,
        String contextWamid) {
      this(
          phoneNumberId,
          waId,
          profileName,
          wamid,
          timestamp,
          type,
          text,
          media,
          contextWamid,
          null,
          null,
          null,
          null,
          null);
    }

    /** Meta's {@code system} messages tell of a changed identity: nothing to file. */
    public boolean isSystem() {
      return "system".equals(type);
    }
  }

  /**
   * A {@code system} message: the user's phone ({@code user_changed_number}) or BSUID ({@code
   * user_changed_user_id}) changed; the new values, where Meta gives them.
   */
  public record IdentityChange(String kind, String newWaId, String newUserId, String body) {}

  /**
   * The customer's answer to interactive buttons or a list: {@code button_reply}/{@code
   * list_reply}.
   */
  public record Choice(String type, String id, String title) {}

  /** A file the message carries, to fetch through the Media API. */
  public record Media(String id, String mimeType, String sha256, String filename) {}

  /** How far one of our messages got; {@code error} only for failures (code and title). */
  public record StatusUpdate(
      String phoneNumberId,
      String wamid,
      String status,
      Instant timestamp,
      String error,
      Pricing pricing) {

    public StatusUpdate(
        String phoneNumberId, String wamid, String status, Instant timestamp, String error) {
      this(phoneNumberId, wamid, status, timestamp, error, null);
    }
  }

  /**
   * Meta's {@code pricing} object of a status: {@code pricing_model} (e.g. PMP), {@code category}
   * (service, utility, marketing, authentication...), {@code type} (regular, free_customer_service,
   * free_entry_point), {@code billable} when sent.
   */
  public record Pricing(String pricingModel, String category, String type, Boolean billable) {}
}
