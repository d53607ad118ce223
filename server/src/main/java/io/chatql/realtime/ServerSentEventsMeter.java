package io.chatql.realtime;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts the subscriptions served over Server-Sent Events among the open real-time connections: each
 * is one request to {@code /graphql} that accepts {@code text/event-stream}, open until its stream
 * ends.
 */
@Component
class ServerSentEventsMeter implements WebFilter {

    static final String PROTOCOL = "graphql-sse";

    private final RealtimeMeters meters;

    ServerSentEventsMeter(RealtimeMeters meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isEventStream(exchange)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .doOnSubscribe(started -> {
                    meters.connectionOpened(PROTOCOL);
                    meters.subscriptionStarted(PROTOCOL);
                })
                .doFinally(ended -> {
                    meters.subscriptionEnded(PROTOCOL);
                    meters.connectionClosed(PROTOCOL);
                });
    }

    private static boolean isEventStream(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        return HttpMethod.POST.equals(request.getMethod())
                && RealtimeEndpoints.GRAPHQL.equals(request.getPath().value())
                && request.getHeaders().getAccept().stream()
                        .anyMatch(accepted ->
                                accepted.isCompatibleWith(MediaType.TEXT_EVENT_STREAM) && !accepted.isWildcardType());
    }
}
