package io.chatql.realtime;

import io.netty.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * Serves one real-time endpoint: picks the protocol from the negotiated subprotocol, and reads the
 * credentials the protocol carries in the handshake, if any.
 */
class RealtimeEndpoint {

    private final Map<String, Protocol> protocols;

    private final List<String> subProtocols;

    private final Function<HandshakeInfo, Map<String, Object>> handshakeCredentials;

    private final RealtimeConnection.Services services;

    /**
     * @param protocols the protocols by subprotocol name, in order of preference; the first also
     *     serves clients that name no subprotocol
     */
    RealtimeEndpoint(
            Map<String, Protocol> protocols,
            List<String> subProtocols,
            Function<HandshakeInfo, Map<String, Object>> handshakeCredentials,
            RealtimeConnection.Services services) {
        this.protocols = protocols;
        this.subProtocols = subProtocols;
        this.handshakeCredentials = handshakeCredentials;
        this.services = services;
    }

    /** The handler of one WebSocket upgrade of {@code channel}, a connection to serve. */
    WebSocketHandler on(Channel channel) {
        return new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return subProtocols;
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                return serve(session, channel);
            }
        };
    }

    private Mono<Void> serve(WebSocketSession session, Channel channel) {
        HandshakeInfo handshake = session.getHandshakeInfo();
        String subProtocol = handshake.getSubProtocol();
        Protocol protocol = protocols.getOrDefault(
                subProtocol == null ? subProtocols.get(0) : subProtocol, protocols.get(subProtocols.get(0)));
        return new RealtimeConnection(session, channel, protocol, handshakeCredentials.apply(handshake), services)
                .serve();
    }
}
