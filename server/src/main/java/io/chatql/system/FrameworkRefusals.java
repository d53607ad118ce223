package io.chatql.system;

import static java.util.stream.Collectors.toUnmodifiableMap;

import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the refusals Spring makes before any endpoint of ours runs as the endpoints answer theirs,
 * JSON {@code {"error", "message"}}: no such path (404), a method (405), a {@code Content-Type} (415)
 * or an {@code Accept} (406) the path does not take, a body that cannot be read (400). The headers a
 * refusal carries, such as {@code Allow} and {@code Accept}, go with it. The messages are fixed, so
 * nothing the client sent is echoed. Server errors are left to Spring Boot, which logs them.
 */
@Component
@Order(-2)
class FrameworkRefusals implements WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkRefusals.class);

    private final Map<HttpStatusCode, Refusal> answers;

    FrameworkRefusals(JsonMapper json) {
        this.answers = Stream.of(
                        new RequestRefusedException(
                                HttpStatus.BAD_REQUEST, "invalid_request", "the request is not valid"),
                        new RequestRefusedException(HttpStatus.NOT_FOUND, "not_found", "there is nothing at this path"),
                        new RequestRefusedException(
                                HttpStatus.METHOD_NOT_ALLOWED,
                                "method_not_allowed",
                                "this path does not take this method"),
                        new RequestRefusedException(
                                HttpStatus.NOT_ACCEPTABLE,
                                "not_acceptable",
                                "this path answers in none of the media types the Accept header takes"),
                        new RequestRefusedException(
                                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                                "unsupported_media_type",
                                "this path does not take a body of this Content-Type"))
                .collect(toUnmodifiableMap(RequestRefusedException::status, refusal -> Refusal.of(refusal, json)));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ResponseStatusException refused
                && !exchange.getResponse().isCommitted()) {
            @Nullable Refusal answer = answers.get(refused.getStatusCode());
            if (answer != null) {
                LOG.debug(
                        "Refused a request with {}: {}", refused.getStatusCode().value(), refused.getReason());
                exchange.getResponse().getHeaders().addAll(refused.getHeaders());
                return answer.writeTo(exchange.getResponse());
            }
        }
        return Mono.error(ex);
    }
}
