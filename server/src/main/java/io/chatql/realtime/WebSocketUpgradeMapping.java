package io.chatql.realtime;

import java.util.Map;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Maps WebSocket upgrade requests, and only those, to the real-time handler of their path. */
class WebSocketUpgradeMapping extends AbstractHandlerMapping {

    private final Map<String, WebSocketHandler> handlers;

    WebSocketUpgradeMapping(Map<String, WebSocketHandler> handlers) {
        this.handlers = handlers;
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        if (!"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(handlers.get(
                exchange.getRequest().getPath().pathWithinApplication().value()));
    }
}
