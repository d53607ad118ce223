package io.chatql.system;

import io.chatql.auth.BearerOrRawTokenConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Every GraphQL request over HTTP needs a valid access token (401 without one). WebSocket upgrades are
 * let through, because graphql-transport-ws carries its token in {@code connection_init}, where it is
 * checked before any operation runs. /auth/change-password needs a token too; the rest of /auth, the
 * JWKS and health are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Spring Security's own observations wrap every filter, authentication and authorization of every
     * request; requests are timed as a whole by the HTTP server's observation instead.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder accessTokenDecoder) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(webSocketUpgrade())
                        .permitAll()
                        .pathMatchers("/graphql", "/auth/change-password")
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerOrRawTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(accessTokenDecoder)))
                .build();
    }

    private static ServerWebExchangeMatcher webSocketUpgrade() {
        return exchange ->
                "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
