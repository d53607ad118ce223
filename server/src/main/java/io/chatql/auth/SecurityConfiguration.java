package io.chatql.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/**
 * Every GraphQL request over HTTP, every batch of analytics events, and /auth/change-password need a
 * valid access token or API key (401 without one). WebSocket upgrades are let through, because
 * graphql-transport-ws carries its credentials in {@code connection_init}, where they are checked
 * before any operation runs. The rest of /auth, the JWKS and health are open.
 *
 * <p>Requests are stateless: nothing is kept in a web session, so no request creates one, which would
 * cost a random identifier and two switches of thread each time.
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
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, RequestAuthentication authentication) {
        return http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(webSocketUpgrade())
                        .permitAll()
                        .pathMatchers("/graphql", "/auth/change-password", "/analytics/**")
                        .authenticated()
                        .anyExchange()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new CredentialsConverter())
                        .authenticationManagerResolver(exchange -> Mono.just(authentication)))
                .build();
    }

    private static ServerWebExchangeMatcher webSocketUpgrade() {
        return exchange ->
                "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
