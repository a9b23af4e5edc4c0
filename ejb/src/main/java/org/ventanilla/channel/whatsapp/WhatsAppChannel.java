package org.ventanilla.channel.whatsapp;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import org.ventanilla.channel.Channel;
import org.ventanilla.common.ChannelType;
import org.ventanilla.common.InvalidInputException;

/**
 * A WhatsApp Business number on Meta's Cloud API. The access token, app secret and verify token are
 * stored sealed (the caller seals them with the SecretBox). The API base URL is a setting so that a
 * stand-in on loopback can play the Cloud API in tests and in the local sandbox.
 */
@Entity
@DiscriminatorValue("WHATSAPP")
public class WhatsAppChannel extends Channel {

  static final String DEFAULT_BASE_URL = "https://graph.facebook.com";
  static final String DEFAULT_VERSION = "v21.0";
  static final int DEFAULT_REOPEN_DAYS = 7;
  static final int MAX_REOPEN_DAYS = 365;

  @Column(name = "wa_phone_number_id")
  private String phoneNumberId;

  @Column(name = "wa_display_phone")
  private String displayPhoneNumber;

  @Column(name = "wa_access_token_enc")
  private String accessTokenSealed;

  @Column(name = "wa_app_secret_enc")
  private String appSecretSealed;

  @Column(name = "wa_verify_token_enc")
  private String verifyTokenSealed;

  @Column(name = "wa_api_base_url")
  private String apiBaseUrl;

  @Column(name = "wa_api_version")
  private String apiVersion;

  @Column(name = "wa_reopen_days")
  private Integer reopenDays;

  @Column(name = "wa_waba_id")
  private String wabaId;

  @Column(name = "wa_mark_read")
  private Boolean markRead;

  @Column(name = "wa_typing_indicator")
  private Boolean typingIndicator;

  protected WhatsAppChannel() {}

  public WhatsAppChannel(String name, String phoneNumberId, Instant now) {
    super(name, now);
    changePhoneNumberId(phoneNumberId);
    this.apiBaseUrl = DEFAULT_BASE_URL;
    this.apiVersion = DEFAULT_VERSION;
    this.reopenDays = DEFAULT_REOPEN_DAYS;
  }

  @Override
  public ChannelType getType() {
    return ChannelType.WHATSAPP;
  }

  public void changePhoneNumberId(String id) {
    if (id == null || !id.strip().matches("\\d{1,64}")) {
      throw new InvalidInputException("phoneNumberId is required (the digits Meta shows)");
    }
    this.phoneNumberId = id.strip();
  }

  public void changeDisplayPhoneNumber(String display) {
    this.displayPhoneNumber = display == null || display.isBlank() ? null : display.strip();
  }

  /** Where the Graph API answers; http only for loopback stand-ins is not enforced here. */
  public void changeApi(String baseUrl, String version) {
    if (baseUrl != null) {
      String url = baseUrl.strip().replaceAll("/+$", "");
      try {
        URI uri = new URI(url);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
            || uri.getHost() == null) {
          throw new InvalidInputException("apiBaseUrl must be an http(s) URL");
        }
      } catch (URISyntaxException e) {
        throw new InvalidInputException("apiBaseUrl must be an http(s) URL");
      }
      this.apiBaseUrl = url;
    }
    if (version != null) {
      if (!version.strip().matches("v\\d+\\.\\d+")) {
        throw new InvalidInputException("apiVersion looks like v21.0");
      }
      this.apiVersion = version.strip();
    }
  }

  public void changeReopenDays(int days) {
    if (days < 0 || days > MAX_REOPEN_DAYS) {
      throw new InvalidInputException("reopenDays must be between 0 and " + MAX_REOPEN_DAYS);
    }
    this.reopenDays = days;
  }

  /** The WhatsApp Business Account the number belongs to (its templates live there). */
  public void changeWabaId(String id) {
    if (id == null || id.isBlank()) {
      this.wabaId = null;
      return;
    }
    if (!id.strip().matches("\\d{1,64}")) {
      throw new InvalidInputException("wabaId is the digits of the WhatsApp Business Account id");
    }
    this.wabaId = id.strip();
  }

  /** Whether opening a ticket marks the customer's latest message read; typing shows the dots. */
  public void changePresence(Boolean markRead, Boolean typingIndicator) {
    if (markRead != null) {
      this.markRead = markRead;
    }
    if (typingIndicator != null) {
      this.typingIndicator = typingIndicator;
    }
  }

  /** Sealed secrets; null keeps the stored one. */
  public void changeSecrets(String sealedAccessToken, String sealedAppSecret, String sealedVerify) {
    if (sealedAccessToken != null) {
      this.accessTokenSealed = sealedAccessToken;
    }
    if (sealedAppSecret != null) {
      this.appSecretSealed = sealedAppSecret;
    }
    if (sealedVerify != null) {
      this.verifyTokenSealed = sealedVerify;
    }
  }

  /** Whether a resolved ticket resolved at {@code resolvedAt} still takes the customer back. */
  public boolean reopensWithin(Instant resolvedAt, Instant now) {
    return resolvedAt != null && !resolvedAt.plus(Duration.ofDays(getReopenDays())).isBefore(now);
  }

  @Override
  protected void forgetSecrets() {
    this.accessTokenSealed = null;
    this.appSecretSealed = null;
    this.verifyTokenSealed = null;
  }

  /** The Graph API URL of {@code path} under this number's API version. */
  public String apiUrl(String path) {
    return getApiBaseUrl() + "/" + getApiVersion() + "/" + path;
  }

  public String getPhoneNumberId() {
    return phoneNumberId;
  }

  public String getDisplayPhoneNumber() {
    return displayPhoneNumber;
  }

  public String getAccessTokenSealed() {
    return accessTokenSealed;
  }

  public String getAppSecretSealed() {
    return appSecretSealed;
  }

  public String getVerifyTokenSealed() {
    return verifyTokenSealed;
  }

  public String getApiBaseUrl() {
    return apiBaseUrl == null ? DEFAULT_BASE_URL : apiBaseUrl;
  }

  public String getApiVersion() {
    return apiVersion == null ? DEFAULT_VERSION : apiVersion;
  }

  public String getWabaId() {
    return wabaId;
  }

  public boolean isMarkRead() {
    return markRead == null || markRead;
  }

  public boolean isTypingIndicator() {
    return typingIndicator == null || typingIndicator;
  }

  public int getReopenDays() {
    return reopenDays == null ? DEFAULT_REOPEN_DAYS : reopenDays;
  }
}
