package io.chatql.realtime;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A WebSocket session whose client is the test: it hands the connection the frames the test sends,
 * and keeps the status the connection closes it with. Inbound frames end when it is closed, as on a
 * real socket. A connection writes to its channel, never through {@link #send}, which fails.
 */
final class FakeWebSocketSession implements WebSocketSession {

    private final HandshakeInfo handshake;

    private final Sinks.Many<WebSocketMessage> inbound = Sinks.many().unicast().onBackpressureBuffer();

    private final Sinks.One<CloseStatus> closed = Sinks.one();

    private final AtomicReference<@Nullable CloseStatus> status = new AtomicReference<>();

    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    FakeWebSocketSession(String subProtocol) {
        this.handshake =
                new HandshakeInfo(URI.create("ws://localhost/graphql"), new HttpHeaders(), Mono.empty(), subProtocol);
    }

    /** Hands the connection a text frame from the client. */
    void clientSends(String text) {
        inbound.emitNext(textMessage(text), Sinks.EmitFailureHandler.FAIL_FAST);
    }

    /** The status the connection closed the session with, or null while it is open. */
    @Nullable
    CloseStatus status() {
        return status.get();
    }

    @Override
    public String getId() {
        return "fake";
    }

    @Override
    public HandshakeInfo getHandshakeInfo() {
        return handshake;
    }

    @Override
    public DataBufferFactory bufferFactory() {
        return DefaultDataBufferFactory.sharedInstance;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public Flux<WebSocketMessage> receive() {
        return inbound.asFlux().takeUntilOther(closed.asMono());
    }

    @Override
    public Mono<Void> send(Publisher<WebSocketMessage> messages) {
        return Mono.error(new UnsupportedOperationException("A connection writes to its channel"));
    }

    @Override
    public boolean isOpen() {
        return status.get() == null;
    }

    @Override
    public Mono<Void> close(CloseStatus closeStatus) {
        if (status.compareAndSet(null, closeStatus)) {
            closed.emitValue(closeStatus, Sinks.EmitFailureHandler.FAIL_FAST);
        }
        return Mono.empty();
    }

    @Override
    public Mono<CloseStatus> closeStatus() {
        return closed.asMono();
    }

    @Override
    public WebSocketMessage textMessage(String text) {
        return new WebSocketMessage(
                WebSocketMessage.Type.TEXT, bufferFactory().wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payload) {
        return new WebSocketMessage(WebSocketMessage.Type.BINARY, payload.apply(bufferFactory()));
    }

    @Override
    public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payload) {
        return new WebSocketMessage(WebSocketMessage.Type.PING, payload.apply(bufferFactory()));
    }

    @Override
    public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payload) {
        return new WebSocketMessage(WebSocketMessage.Type.PONG, payload.apply(bufferFactory()));
    }
}
