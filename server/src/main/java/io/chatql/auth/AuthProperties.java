package io.chatql.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in identity.
 *
 * @param issuer the {@code iss} of the access tokens this server signs
 * @param accessTokenLifetime how long an access token is accepted
 * @param refreshTokenLifetime how long a refresh token may be exchanged for new tokens
 * @param adminUsername the account that is admin; when unset, the first account signed up is
 * @param keyRotationPeriod how long a signing key signs new tokens before a new key takes over
 * @param publicBaseUrl the URL clients reach this server at, for the OpenID configuration; when unset,
 *     the URL of each request
 * @param issuers the external issuers whose tokens are accepted too
 */
@ConfigurationProperties("chatql.auth")
record AuthProperties(
        @DefaultValue("chatql") String issuer,
        @DefaultValue("1h") Duration accessTokenLifetime,
        @DefaultValue("30d") Duration refreshTokenLifetime,
        @Nullable String adminUsername,
        @DefaultValue("30d") Duration keyRotationPeriod,
        @Nullable URI publicBaseUrl,
        @DefaultValue List<TrustedIssuer> issuers) {}
