package io.chatql.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates real-time connections and operations from the credentials their protocol carries: a
 * map with {@code Authorization} (a JWT, raw or after {@code Bearer }) or {@code x-api-key}, under any
 * letter case, at its top or in a nested {@code headers} map, or with {@code authToken} as older Apollo
 * clients send it.
 */
@Component
public class ConnectionAuthentication {

    private final RequestAuthentication authentication;

    private final Clock clock;

    ConnectionAuthentication(RequestAuthentication authentication, Clock clock) {
        this.authentication = authentication;
        this.clock = clock;
    }

    /** The user the credentials prove, or an authentication error. */
    public Mono<Authentication> authenticate(Map<String, Object> credentials) {
        String token = AccessTokens.fromAuthorization(authorizationOf(credentials));
        if (token != null) {
            return authentication.authenticate(new BearerTokenAuthenticationToken(token));
        }
        String apiKey = valueOrHeader(credentials, CredentialsConverter.API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return authentication.authenticate(ApiKeyAuthenticationToken.unchecked(apiKey.strip()));
        }
        return Mono.error(new AuthenticationCredentialsNotFoundException("No credentials were given"));
    }

    /**
     * How much longer {@code user}'s credentials are accepted: until its access token expires, plus the
     * clock skew allowed; empty for credentials that do not expire, such as API keys.
     */
    public Optional<Duration> remaining(Authentication user) {
        if (user instanceof JwtAuthenticationToken token && token.getToken().getExpiresAt() != null) {
            Instant until = token.getToken().getExpiresAt().plus(AccessTokenVerification.CLOCK_SKEW);
            Duration left = Duration.between(clock.instant(), until);
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        }
        return Optional.empty();
    }

    private static @Nullable String authorizationOf(Map<String, Object> credentials) {
        String authorization = valueOrHeader(credentials, "authorization");
        return authorization != null ? authorization : valueOf(credentials, "authtoken");
    }

    private static @Nullable String valueOrHeader(Map<String, Object> credentials, String lowerCaseKey) {
        String value = valueOf(credentials, lowerCaseKey);
        if (value == null && credentials.get("headers") instanceof Map<?, ?> headers) {
            value = valueOf(headers, lowerCaseKey);
        }
        return value;
    }

    private static @Nullable String valueOf(Map<?, ?> map, String lowerCaseKey) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() instanceof String key
                    && key.equalsIgnoreCase(lowerCaseKey)
                    && entry.getValue() instanceof String value) {
                return value;
            }
        }
        return null;
    }
}
