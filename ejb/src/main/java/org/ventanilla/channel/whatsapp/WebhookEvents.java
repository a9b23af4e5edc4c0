package org.ventanilla.channel.whatsapp;

import java.time.Instant;
import java.util.List;

/** What one webhook delivery holds, across its entries and changes: messages and statuses. */
public record WebhookEvents(List<Inbound> messages, List<StatusUpdate> statuses) {

  /** A customer's message to the number {@code phoneNumberId}. */
  public record Inbound(
      String phoneNumberId,
      String waId,
      String profileName,
      String wamid,
      Instant timestamp,
      String type,
      String text,
      Media media,
      String contextWamid) {}

  /** A file the message carries, to fetch through the Media API. */
  public record Media(String id, String mimeType, String sha256, String filename) {}

  /** How far one of our messages got; {@code error} only for failures (code and title). */
  public record StatusUpdate(
      String phoneNumberId, String wamid, String status, Instant timestamp, String error) {}
}
