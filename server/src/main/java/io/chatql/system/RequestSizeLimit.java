package io.chatql.system;

import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies declared larger than 1 MB with 413 before reading them. Bodies sent without a
 * length are held to the same limit by {@code spring.codec.max-in-memory-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final byte[] REFUSAL =
            "{\"error\":\"payload_too_large\",\"message\":\"the request body must be at most 1 MB\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > MAX_BODY_BYTES) {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            DataBuffer body = response.bufferFactory().wrap(REFUSAL);
            return response.writeWith(Mono.just(body));
        }
        return chain.filter(exchange);
    }
}
