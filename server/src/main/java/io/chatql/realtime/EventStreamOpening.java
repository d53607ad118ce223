package io.chatql.realtime;

import java.nio.charset.StandardCharsets;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens every GraphQL Server-Sent Events stream with a comment, so that the response headers go out
 * at once rather than with the first event, which for a quiet conversation may be long in coming.
 */
@Component
class EventStreamOpening implements WebFilter {

    private static final byte[] OPENING = ":\n\n".getBytes(StandardCharsets.UTF_8);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean eventStream = exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
        if (!eventStream || !exchange.getRequest().getPath().value().equals("/graphql")) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        return chain.filter(exchange.mutate()
                .response(new ServerHttpResponseDecorator(response) {
                    @Override
                    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                        Publisher<DataBuffer> opening =
                                Mono.fromSupplier(() -> bufferFactory().wrap(OPENING));
                        return super.writeAndFlushWith(Flux.concat(Mono.just(opening), Flux.from(body)));
                    }
                })
                .build());
    }
}
