package io.chatql.realtime;

import io.netty.channel.Channel;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Maps WebSocket upgrade requests, and only those, to the real-time endpoint of their path, which
 * serves the connection on the request's own Netty channel.
 */
class WebSocketUpgradeMapping extends AbstractHandlerMapping {

    private final Map<String, RealtimeEndpoint> endpoints;

    WebSocketUpgradeMapping(Map<String, RealtimeEndpoint> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        if (!"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
            return Mono.empty();
        }
        RealtimeEndpoint endpoint = endpoints.get(
                exchange.getRequest().getPath().pathWithinApplication().value());
        return endpoint == null ? Mono.empty() : Mono.just(endpoint.on(channelOf(exchange)));
    }

    private static Channel channelOf(ServerWebExchange exchange) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (request instanceof Connection connection) {
            return connection.channel();
        }
        throw new IllegalStateException("Real-time connections are served by Reactor Netty, not by " + request);
    }
}
