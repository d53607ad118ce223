package io.chatql.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in identity.
 *
 * @param issuer the {@code iss} of the access tokens this server signs
 * @param accessTokenLifetime how long an access token is accepted
 * @param refreshTokenLifetime how long a refresh token may be exchanged for new tokens
 */
@ConfigurationProperties("chatql.auth")
record AuthProperties(
        @DefaultValue("chatql") String issuer,
        @DefaultValue("1h") Duration accessTokenLifetime,
        @DefaultValue("30d") Duration refreshTokenLifetime) {}
