package org.ventanilla.channel.email;

import java.util.List;

/**
 * A mailbox's OAuth2 client as an admin writes it (JSON {@code oauth}). The client secret is only
 * ever written; null in an update keeps the stored one. Null endpoints and scopes take the
 * provider's defaults.
 */
public record OAuthSettings(
    String provider,
    String tenant,
    String clientId,
    String clientSecret,
    String authorizationUrl,
    String tokenUrl,
    List<String> scopes) {}
