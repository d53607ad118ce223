package io.chatql.auth;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An external issuer whose tokens are accepted, one of {@code chatql.auth.issuers[n]}.
 *
 * @param issuerUri the {@code iss} of its tokens, such as {@code
 *     https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf}
 * @param jwkSetUri where its public keys are; by default {@code <issuerUri>/.well-known/jwks.json},
 *     as Cognito publishes them
 * @param audiences the client ids a token must be for: one of them must be its {@code aud} (ID
 *     tokens), {@code client_id} (Cognito access tokens) or {@code azp} (Keycloak access tokens)
 * @param usernameClaims the claims that may hold the username, the first present one wins
 */
record TrustedIssuer(
        String issuerUri,
        @Nullable URI jwkSetUri,
        List<String> audiences,

        @DefaultValue({"cognito:username", "username", "preferred_username"})
        List<String> usernameClaims) {

    TrustedIssuer {
        if (issuerUri == null || issuerUri.isBlank()) {
            throw new IllegalArgumentException("chatql.auth.issuers[].issuer-uri is required");
        }
        if (audiences == null || audiences.isEmpty()) {
            throw new IllegalArgumentException(
                    "chatql.auth.issuers[].audiences must list the accepted client ids of " + issuerUri);
        }
    }

    URI jwkSetLocation() {
        return jwkSetUri != null ? jwkSetUri : URI.create(issuerUri.replaceAll("/+$", "") + "/.well-known/jwks.json");
    }
}
