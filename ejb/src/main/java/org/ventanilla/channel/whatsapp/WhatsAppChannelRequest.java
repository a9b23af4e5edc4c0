package org.ventanilla.channel.whatsapp;

/** An admin's settings for a WhatsApp number; in an update, null fields keep their value. */
public record WhatsAppChannelRequest(
    String name,
    String phoneNumberId,
    String displayPhoneNumber,
    String accessToken,
    String appSecret,
    String verifyToken,
    String apiBaseUrl,
    String apiVersion,
    Integer reopenDays,
    Boolean active,
    String wabaId,
    Boolean markRead,
    Boolean typingIndicator) {}
