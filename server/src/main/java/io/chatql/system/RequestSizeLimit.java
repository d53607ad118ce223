package io.chatql.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies declared larger than 1 MB with 413 before reading them, answering as {@link
 * RestErrorMapping} answers a {@link BodyTooLargeException}. Bodies sent without a length are held to
 * the same limit by {@code spring.codec.max-in-memory-size}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    private final HttpStatusCode status;

    private final byte[] answer;

    RequestSizeLimit(JsonMapper json) {
        BodyTooLargeException refusal = new BodyTooLargeException();
        this.status = refusal.status();
        this.answer = json.writeValueAsBytes(RestErrorMapping.Body.of(refusal));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > MAX_BODY_BYTES) {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(status);
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            DataBuffer body = response.bufferFactory().wrap(answer);
            return response.writeWith(Mono.just(body));
        }
        return chain.filter(exchange);
    }
}
