package io.chatql.auth;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Proves who sends a request or opens a connection, from the credentials read from it: an access
 * token, of this server or of a trusted external issuer, or an API key. HTTP requests and every real-time protocol authenticate here, so they accept the same
 * credentials.
 */
@Component
public class RequestAuthentication implements ReactiveAuthenticationManager {

    private final JwtReactiveAuthenticationManager tokens;

    private final ApiKeys apiKeys;

    RequestAuthentication(ReactiveJwtDecoder accessTokenDecoder, TokenUsers users, ApiKeys apiKeys) {
        this.tokens = new JwtReactiveAuthenticationManager(accessTokenDecoder);
        this.tokens.setJwtAuthenticationConverter(users);
        this.apiKeys = apiKeys;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication credentials) {
        if (credentials instanceof ApiKeyAuthenticationToken apiKey) {
            return apiKeys.authenticate(apiKey.key());
        }
        return tokens.authenticate(credentials);
    }
}
