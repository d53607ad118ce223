package io.chatql.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the access token from {@code Authorization: Bearer <jwt>}, or from a raw {@code Authorization:
 * <jwt>} as the AppSync client sends it.
 */
public class BearerOrRawTokenConverter implements ServerAuthenticationConverter {

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String token = AccessTokens.fromAuthorization(
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        return token == null ? Mono.empty() : Mono.just(new BearerTokenAuthenticationToken(token));
    }
}
