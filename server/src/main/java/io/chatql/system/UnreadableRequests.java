package io.chatql.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses with 400 {@code invalid_request} the requests that no endpoint can read, before any is
 * reached: one whose {@code Accept} header is not a list of media types, which every part of the
 * server that negotiates an answer would otherwise fail on, and a {@code POST /graphql}, over
 * Server-Sent Events too, without a body, which Spring for GraphQL would answer with 200 and nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableRequests implements WebFilter {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableRequests.class);

    private final String graphQlPath;

    private final Refusal invalidAccept;

    private final Refusal missingBody;

    UnreadableRequests(JsonMapper json, @Value("${spring.graphql.http.path}") String graphQlPath) {
        this.graphQlPath = graphQlPath;
        this.invalidAccept = Refusal.of(
                new RequestRefusedException(
                        HttpStatus.BAD_REQUEST, "invalid_request", "the Accept header is not valid"),
                json);
        this.missingBody = Refusal.of(new MissingBodyException(), json);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        try {
            request.getHeaders().getAccept();
        } catch (InvalidMediaTypeException ex) {
            LOG.debug("Refused a request with 400: {}", ex.getMessage());
            return invalidAccept.writeTo(exchange.getResponse());
        }
        if (!HttpMethod.POST.equals(request.getMethod())
                || !graphQlPath.equals(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new BodyRequired(request)).build())
                .onErrorResume(
                        error -> error instanceof MissingBodyException
                                && !exchange.getResponse().isCommitted(),
                        error -> {
                            LOG.debug("Refused a GraphQL request with 400: it has no body");
                            return missingBody.writeTo(exchange.getResponse());
                        });
    }

    /** A GraphQL request sent without a body. */
    private static final class MissingBodyException extends RequestRefusedException {

        MissingBodyException() {
            super(
                    HttpStatus.BAD_REQUEST,
                    "invalid_request",
                    "the request body is missing; send a GraphQL request {\"query\": ...}");
        }
    }

    /** A request whose body fails with {@link MissingBodyException} when it ends before any byte. */
    private static final class BodyRequired extends ServerHttpRequestDecorator {

        BodyRequired(ServerHttpRequest request) {
            super(request);
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return super.getBody().switchIfEmpty(Flux.error(MissingBodyException::new));
        }
    }
}
