package io.chatql.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts the HTTP requests refused for missing or invalid credentials (401): GraphQL requests without
 * a valid token and failed sign-ins alike. Runs around the security filters, so it sees their answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthFailureMeter implements WebFilter {

    private final Counter failures;

    AuthFailureMeter(MeterRegistry registry) {
        this.failures = Counter.builder("chatql.auth.failures")
                .description("Requests and connections refused for missing or invalid credentials")
                .tag("transport", "http")
                .register(registry);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).doFinally(signal -> {
            if (HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
                failures.increment();
            }
        });
    }
}
