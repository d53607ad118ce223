package io.chatql.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the credentials of an HTTP request: the access token from {@code Authorization: Bearer <jwt>},
 * or from a raw {@code Authorization: <jwt>} as the AppSync client sends it; else an API key from
 * {@code x-api-key}, as AppSync's API-key mode sends it. WebSocket upgrades are left to the real-time
 * endpoints, which authenticate connections by their protocol's rules and answer bad credentials in
 * that protocol.
 */
public class CredentialsConverter implements ServerAuthenticationConverter {

    static final String API_KEY_HEADER = "x-api-key";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if ("websocket".equalsIgnoreCase(headers.getUpgrade())) {
            return Mono.empty();
        }
        String token = AccessTokens.fromAuthorization(headers.getFirst(HttpHeaders.AUTHORIZATION));
        if (token != null) {
            return Mono.just(new BearerTokenAuthenticationToken(token));
        }
        String apiKey = headers.getFirst(API_KEY_HEADER);
        return apiKey == null || apiKey.isBlank()
                ? Mono.empty()
                : Mono.just(ApiKeyAuthenticationToken.unchecked(apiKey.strip()));
    }
}
