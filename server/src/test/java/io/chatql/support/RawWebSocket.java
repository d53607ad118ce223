package io.chatql.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** A WebSocket client that speaks whatever it is told to, for testing protocols message by message. */
public final class RawWebSocket implements AutoCloseable {

    private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

    private final CompletableFuture<String> subProtocol = new CompletableFuture<>();

    private final Disposable connection;

    private RawWebSocket(URI uri, HttpHeaders headers, List<String> subProtocols, boolean reading) {
        connection = new ReactorNettyWebSocketClient()
                .execute(uri, headers, new WebSocketHandler() {
                    @Override
                    public List<String> getSubProtocols() {
                        return subProtocols;
                    }

                    @Override
                    public Mono<Void> handle(WebSocketSession session) {
                        subProtocol.complete(
                                String.valueOf(session.getHandshakeInfo().getSubProtocol()));
                        session.closeStatus().subscribe(closed::complete, closed::completeExceptionally);
                        Mono<Void> send = session.send(outbound.asFlux().map(session::textMessage));
                        Mono<Void> receive = reading
                                ? session.receive()
                                        .map(WebSocketMessage::getPayloadAsText)
                                        .doOnNext(received::add)
                                        .then()
                                : Mono.never();
                        return Mono.when(send, receive);
                    }
                })
                .subscribe(
                        done -> {},
                        closed::completeExceptionally,
                        // The connection may end just before its close status is told.
                        () -> closed.completeOnTimeout(CloseStatus.NO_STATUS_CODE, 1, TimeUnit.SECONDS));
    }

    /** Connects with the given subprotocols and headers. */
    public static RawWebSocket connect(URI uri, HttpHeaders headers, String... subProtocols) {
        return new RawWebSocket(uri, headers, List.of(subProtocols), true);
    }

    /** Connects a client that never reads what it is sent. */
    public static RawWebSocket connectWithoutReading(URI uri, String... subProtocols) {
        return new RawWebSocket(uri, new HttpHeaders(), List.of(subProtocols), false);
    }

    public RawWebSocket send(String message) {
        outbound.tryEmitNext(message);
        return this;
    }

    /** The subprotocol the server chose. */
    public String subProtocol() throws Exception {
        return subProtocol.get(ChatClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits for the next message that matches, skipping the others; fails after the timeout. */
    public String await(Predicate<String> matching) throws InterruptedException {
        long deadline = System.nanoTime() + ChatClient.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String message = received.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && matching.test(message)) {
                return message;
            }
        }
        throw new AssertionError("No matching message within " + ChatClient.TIMEOUT);
    }

    /** Waits for a message containing {@code text}. */
    public String awaitContaining(String text) throws InterruptedException {
        return await(message -> message.contains(text));
    }

    /** The messages received so far and not yet awaited. */
    public List<String> drain() {
        List<String> messages = new ArrayList<>();
        received.drainTo(messages);
        return messages;
    }

    /** How the server closed the connection, waiting for it up to {@code timeout}. */
    public CloseStatus closeStatus(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        outbound.tryEmitComplete();
        connection.dispose();
    }
}
