package org.ventanilla.channel.email;

import java.util.List;

/**
 * Who issues a mailbox's OAuth2 tokens, with the endpoints and scopes each one documents for IMAP
 * and SMTP. {@code custom} takes both endpoints from the admin (any other authorization server).
 */
public enum OAuthProvider {
  MICROSOFT(
      "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/authorize",
      "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
      List.of(
          "https://outlook.office.com/IMAP.AccessAsUser.All",
          "https://outlook.office.com/SMTP.Send",
          "offline_access")),
  GOOGLE(
      "https://accounts.google.com/o/oauth2/v2/auth",
      "https://oauth2.googleapis.com/token",
      List.of("https://mail.google.com/")),
  CUSTOM(null, null, List.of());

  /** Microsoft's tenant when the admin names none: work and school accounts of any tenant. */
  static final String DEFAULT_TENANT = "organizations";

  private final String authorizationUrl;
  private final String tokenUrl;
  private final List<String> scopes;

  OAuthProvider(String authorizationUrl, String tokenUrl, List<String> scopes) {
    this.authorizationUrl = authorizationUrl;
    this.tokenUrl = tokenUrl;
    this.scopes = scopes;
  }

  /** The provider's authorization endpoint for a tenant; null for {@code custom}. */
  String authorizationUrl(String tenant) {
    return withTenant(authorizationUrl, tenant);
  }

  String tokenUrl(String tenant) {
    return withTenant(tokenUrl, tenant);
  }

  List<String> defaultScopes() {
    return scopes;
  }

  private static String withTenant(String url, String tenant) {
    if (url == null) {
      return null;
    }
    return url.replace(
        "{tenant}", tenant == null || tenant.isBlank() ? DEFAULT_TENANT : tenant.strip());
  }
}
