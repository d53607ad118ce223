package io.chatql.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the access token from {@code Authorization: Bearer <jwt>}, or from a raw {@code Authorization:
 * <jwt>} as the AppSync client sends it. WebSocket upgrades are left to the real-time endpoints, which
 * authenticate connections by their protocol's rules and answer a bad token in that protocol.
 */
public class BearerOrRawTokenConverter implements ServerAuthenticationConverter {

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        if ("websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
            return Mono.empty();
        }
        String token = AccessTokens.fromAuthorization(
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        return token == null ? Mono.empty() : Mono.just(new BearerTokenAuthenticationToken(token));
    }
}
