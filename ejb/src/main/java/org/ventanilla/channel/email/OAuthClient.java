package org.ventanilla.channel.email;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The OAuth2 requests a mailbox needs, made with the Nimbus OAuth 2.0 SDK: the authorization URL
 * (authorization code with PKCE S256 and a state), the code exchange and the refresh. Tokens are
 * never put in an exception's message.
 */
public final class OAuthClient {

  static final int TIMEOUT_MS = 10_000;

  /** An access token until {@code expiresAt}, and a refresh token if the provider sent one. */
  public record Tokens(String accessToken, Instant expiresAt, String refreshToken) {
    @Override
    public String toString() {
      return "Tokens[until " + expiresAt + "]";
    }
  }

  /** The token endpoint refused: {@code error} is its code ({@code invalid_grant}, ...). */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final String error;

    Refused(String error, String description) {
      super(
          "The authorization server refused: "
              + error
              + (description == null ? "" : " (" + description + ")"));
      this.error = error;
    }

    /** The grant is gone (revoked, expired, the password changed): only a new consent helps. */
    boolean grantRevoked() {
      return "invalid_grant".equals(error);
    }
  }

  /** The client's side of one token endpoint. */
  public record Endpoint(String tokenUrl, String clientId, String clientSecret) {
    @Override
    public String toString() {
      return "Endpoint[" + tokenUrl + ", " + clientId + "]";
    }
  }

  private OAuthClient() {}

  static URI authorizationUri(
      String authorizationUrl,
      String clientId,
      String redirectUri,
      List<String> scopes,
      String state,
      String verifier,
      OAuthProvider provider) {
    AuthorizationRequest.Builder request =
        new AuthorizationRequest.Builder(
                new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
            .endpointURI(URI.create(authorizationUrl))
            .redirectionURI(URI.create(redirectUri))
            .scope(new Scope(scopes.toArray(String[]::new)))
            .state(new State(state))
            .codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256);
    if (provider == OAuthProvider.GOOGLE) {
      // Google hands out a refresh token only for offline access, and again only on consent.
      request.customParameter("access_type", "offline").customParameter("prompt", "consent");
    }
    return request.build().toURI();
  }

  static Tokens exchange(
      Endpoint endpoint, String code, String redirectUri, String verifier, Clock clock)
      throws Refused, IOException {
    return request(
        endpoint,
        new AuthorizationCodeGrant(
            new AuthorizationCode(code), URI.create(redirectUri), new CodeVerifier(verifier)),
        clock);
  }

  static Tokens refresh(Endpoint endpoint, String refreshToken, Clock clock)
      throws Refused, IOException {
    return request(endpoint, new RefreshTokenGrant(new RefreshToken(refreshToken)), clock);
  }

  private static Tokens request(Endpoint endpoint, AuthorizationGrant grant, Clock clock)
      throws Refused, IOException {
    URI tokenUri = URI.create(endpoint.tokenUrl());
    TokenRequest request =
        endpoint.clientSecret() == null || endpoint.clientSecret().isEmpty()
            ? new TokenRequest(tokenUri, new ClientID(endpoint.clientId()), grant)
            : new TokenRequest(
                tokenUri,
                new ClientSecretPost(
                    new ClientID(endpoint.clientId()), new Secret(endpoint.clientSecret())),
                grant);
    HTTPRequest http = request.toHTTPRequest();
    http.setConnectTimeout(TIMEOUT_MS);
    http.setReadTimeout(TIMEOUT_MS);
    Instant asked = clock.instant();
    TokenResponse response;
    try {
      response = TokenResponse.parse(http.send());
    } catch (ParseException e) {
      throw new IOException("The token endpoint's answer is not OAuth2: " + e.getMessage(), e);
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      throw new Refused(
          error.getCode() == null ? "http_" + error.getHTTPStatusCode() : error.getCode(),
          error.getDescription());
    }
    AccessTokenResponse ok = response.toSuccessResponse();
    long lifetime = ok.getTokens().getAccessToken().getLifetime();
    RefreshToken refresh = ok.getTokens().getRefreshToken();
    return new Tokens(
        ok.getTokens().getAccessToken().getValue(),
        asked.plusSeconds(lifetime > 0 ? lifetime : 3600),
        refresh == null ? null : refresh.getValue());
  }
}
