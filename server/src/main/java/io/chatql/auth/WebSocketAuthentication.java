package io.chatql.auth;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates a graphql-transport-ws connection from the access token in its {@code connection_init}
 * payload ({@code Authorization}, raw or with {@code Bearer }). A connection without a valid token is
 * closed with 4401 before anything runs; the operations of an accepted one run as its user.
 */
@Component
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

    private static final String AUTHENTICATION = WebSocketAuthentication.class.getName() + ".authentication";

    private final JwtReactiveAuthenticationManager authentication;

    WebSocketAuthentication(ReactiveJwtDecoder decoder) {
        this.authentication = new JwtReactiveAuthenticationManager(decoder);
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
        String token = AccessTokens.fromAuthorization(authorizationOf(payload));
        if (token == null) {
            return Mono.error(new AuthenticationCredentialsNotFoundException("connection_init carries no token"));
        }
        return authentication
                .authenticate(new BearerTokenAuthenticationToken(token))
                .doOnNext(user -> session.getAttributes().put(AUTHENTICATION, user))
                .then(Mono.empty());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
        if (request instanceof WebSocketGraphQlRequest webSocketRequest
                && webSocketRequest.getSessionInfo().getAttributes().get(AUTHENTICATION)
                        instanceof Authentication user) {
            return chain.next(request).contextWrite(ReactiveSecurityContextHolder.withAuthentication(user));
        }
        return chain.next(request);
    }

    private static @Nullable String authorizationOf(Map<String, Object> payload) {
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("authorization") && entry.getValue() instanceof String value) {
                return value;
            }
        }
        return null;
    }
}
