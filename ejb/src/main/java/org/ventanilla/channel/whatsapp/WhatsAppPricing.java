package org.ventanilla.channel.whatsapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What Meta says one of our messages costs: the {@code pricing} object of its first status that
 * carried one. One row per message, so its {@code sent} and {@code delivered} statuses count once;
 * {@code month} (UTC, {@code YYYY-MM}) is the status's, kept so the report groups in the database.
 */
@Entity
@Table(name = "whatsapp_pricing")
public class WhatsAppPricing {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  @Id
  @Column(name = "message_id")
  private Long messageId;

  @Column(name = "channel_id")
  private Long channelId;

  @Column(name = "pricing_model", length = 32)
  private String pricingModel;

  @Column(nullable = false, length = 64)
  private String category;

  @Column(name = "pricing_type", length = 64)
  private String type;

  private Boolean billable;

  @Column(name = "priced_at", nullable = false)
  private Instant pricedAt;

  @Column(name = "price_month", nullable = false, length = 7)
  private String priceMonth;

  protected WhatsAppPricing() {}

  WhatsAppPricing(long messageId, Long channelId, WebhookEvents.Pricing pricing, Instant at) {
    this.messageId = messageId;
    this.channelId = channelId;
    this.pricingModel = cut(pricing.pricingModel(), 32);
    this.category = cut(pricing.category(), 64);
    this.type = cut(pricing.type(), 64);
    this.billable = pricing.billable();
    this.pricedAt = at;
    this.priceMonth = MONTH.format(at);
  }

  static String month(Instant at) {
    return MONTH.format(at);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  public String getCategory() {
    return category;
  }

  public String getType() {
    return type;
  }

  public String getPricingModel() {
    return pricingModel;
  }
}
