package io.chatql.system;

import java.util.List;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds every request body to {@link BodyTooLargeException#MAX_BYTES}, answering a larger one with 413
 * as {@link RestErrorMapping} answers a {@link BodyTooLargeException}: a body declared larger before it
 * is read, one sent without a length as soon as it has grown larger, whichever endpoint reads it. The
 * codecs buffer as much, where Spring's default is 256 KB. The {@link StreamedBodies} are left to
 * their endpoints.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter, CodecCustomizer {

    private final Refusal refusal;

    private final List<StreamedBodies> streamed;

    RequestSizeLimit(JsonMapper json, List<StreamedBodies> streamed) {
        this.refusal = Refusal.of(new BodyTooLargeException(), json);
        this.streamed = streamed;
    }

    @Override
    public void customize(CodecConfigurer configurer) {
        configurer.defaultCodecs().maxInMemorySize(BodyTooLargeException.MAX_BYTES);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (streamed.stream().anyMatch(bodies -> bodies.includes(exchange.getRequest()))) {
            return chain.filter(exchange);
        }
        if (exchange.getRequest().getHeaders().getContentLength() > BodyTooLargeException.MAX_BYTES) {
            return refusal.writeTo(exchange.getResponse());
        }
        ServerWebExchange limited =
                exchange.mutate().request(new Limited(exchange.getRequest())).build();
        return chain.filter(limited)
                .onErrorResume(
                        error -> tooLarge(error) && !exchange.getResponse().isCommitted(),
                        error -> refusal.writeTo(exchange.getResponse()));
    }

    private static boolean tooLarge(Throwable error) {
        return error instanceof BodyTooLargeException
                || error instanceof DataBufferLimitException
                || error instanceof ContentTooLargeException;
    }

    /** A request whose body fails with {@link BodyTooLargeException} once more than the limit is read. */
    private static final class Limited extends ServerHttpRequestDecorator {

        Limited(ServerHttpRequest request) {
            super(request);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                long[] read = {0};
                return super.getBody().handle((buffer, sink) -> {
                    read[0] += buffer.readableByteCount();
                    if (read[0] > BodyTooLargeException.MAX_BYTES) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLargeException());
                    } else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }
}
