package io.chatql.fuzz;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * An HTTP client that sends headers and bodies exactly as given, malformed or not, where Spring's
 * clients would parse them first; it reads an answer for at most a given time, for event streams.
 */
final class RawHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client;

    RawHttp(int port) {
        client = HttpClient.create().baseUrl("http://127.0.0.1:" + port);
    }

    /** The status and the body of an answer. */
    record Answer(int status, String body) {

        @Override
        public String toString() {
            return status + " " + Leaks.abbreviated(body);
        }
    }

    /** Sends a request, with no body when {@code body} is null, and reads the whole answer. */
    Answer send(String method, String uri, Map<String, String> headers, byte @Nullable [] body) {
        return exchange(HttpMethod.valueOf(method), uri, headers, body, TIMEOUT);
    }

    /** Posts and reads the answer for at most {@code readFor}: enough of an event stream that does not end. */
    Answer postReadingFor(String uri, Map<String, String> headers, byte[] body, Duration readFor) {
        return exchange(HttpMethod.POST, uri, headers, body, readFor);
    }

    private Answer exchange(
            HttpMethod method, String uri, Map<String, String> headers, byte @Nullable [] body, Duration readFor) {
        return client.headers(outgoing -> headers.forEach(outgoing::set))
                .request(method)
                .uri(uri)
                .send(body == null ? Mono.empty() : Mono.just(Unpooled.wrappedBuffer(body)))
                .response((response, content) -> content.asString()
                        .take(readFor)
                        .collect(Collectors.joining())
                        .map(text -> new Answer(response.status().code(), text)))
                .next()
                .block(TIMEOUT);
    }
}
