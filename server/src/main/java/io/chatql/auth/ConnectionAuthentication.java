package io.chatql.auth;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates real-time connections and operations from the credentials their protocol carries: a
 * map with {@code Authorization} (a JWT, raw or after {@code Bearer }), under any letter case, at its
 * top or in a nested {@code headers} map, or with {@code authToken} as older Apollo clients send it.
 */
@Component
public class ConnectionAuthentication {

    private final RequestAuthentication authentication;

    ConnectionAuthentication(RequestAuthentication authentication) {
        this.authentication = authentication;
    }

    /** The user the credentials prove, or an authentication error. */
    public Mono<Authentication> authenticate(Map<String, Object> credentials) {
        String token = AccessTokens.fromAuthorization(authorizationOf(credentials));
        if (token != null) {
            return authentication.authenticate(new BearerTokenAuthenticationToken(token));
        }
        if (valueOf(credentials, "x-api-key") != null) {
            return Mono.error(new BadCredentialsException("API keys are not accepted by this server"));
        }
        return Mono.error(new AuthenticationCredentialsNotFoundException("No credentials were given"));
    }

    private static @Nullable String authorizationOf(Map<String, Object> credentials) {
        String authorization = valueOf(credentials, "authorization");
        if (authorization == null && credentials.get("headers") instanceof Map<?, ?> headers) {
            authorization = valueOf(headers, "authorization");
        }
        return authorization != null ? authorization : valueOf(credentials, "authtoken");
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
