package org.ventanilla.customer;

/**
 * How a customer is known on WhatsApp, as Meta sends it: the phone ({@code wa_id}, digits only),
 * the business-scoped user id, its parent and the username (with or without its {@code @}); any of
 * them may be null.
 */
public record WhatsAppIdentity(String waId, String userId, String parentUserId, String username) {}
