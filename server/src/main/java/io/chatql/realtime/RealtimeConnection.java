package io.chatql.realtime;

import graphql.ErrorClassification;
import io.chatql.auth.ConnectionAuthentication;
import io.chatql.system.ErrorTypes;
import io.netty.channel.Channel;
import io.netty.handler.codec.TooLongFrameException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;

/**
 * One real-time connection, whatever its protocol: it authenticates the connection on {@code
 * connection_init}, runs its operations as its user, keeps it alive, and enforces its limits.
 *
 * <p>Everything sent goes through one bounded queue. A client that stops reading until the queue is
 * full is disconnected with {@link CloseCodes#SLOW_CONSUMER} instead of holding more memory; it can
 * reconnect and resume.
 */
final class RealtimeConnection {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeConnection.class);

    private final WebSocketSession session;

    private final Channel channel;

    private final Protocol protocol;

    private final Map<String, Object> handshakeCredentials;

    private final Services services;

    private final Outbound outbound;

    private final Map<String, Disposable> operations = new ConcurrentHashMap<>();

    private final Disposable.Composite timers = Disposables.composite();

    private final AtomicBoolean initialised = new AtomicBoolean();

    private final AtomicBoolean closing = new AtomicBoolean();

    private volatile @Nullable Authentication user;

    RealtimeConnection(
            WebSocketSession session,
            Channel channel,
            Protocol protocol,
            Map<String, Object> handshakeCredentials,
            Services services) {
        this.session = session;
        this.channel = channel;
        this.protocol = protocol;
        this.handshakeCredentials = handshakeCredentials;
        this.services = services;
        this.outbound =
                new Outbound(channel, services.properties().outboundBuffer().toBytes());
    }

    /** Serves the connection until either side closes it. */
    Mono<Void> serve() {
        services.registry().opened(this);
        services.meters().connectionOpened(protocol.label());
        timers.add(Mono.delay(services.properties().connectionInitTimeout()).subscribe(tick -> {
            if (!initialised.get()) {
                close(CloseCodes.INIT_TIMEOUT);
            }
        }));
        Flux<WebSocketMessage> messages = session.receive();
        // Spring adds Netty's frame aggregator as it makes the Flux of messages; this goes after it.
        channel.pipeline().addBefore(NettyPipeline.ReactiveBridge, AbandonedMessages.NAME, AbandonedMessages.INSTANCE);
        return messages.map(WebSocketMessage::getPayloadAsText)
                .concatMap(this::receive)
                .then()
                .onErrorResume(TooLongFrameException.class, tooLong -> {
                    close(CloseCodes.MESSAGE_TOO_BIG);
                    return Mono.empty();
                })
                .doFinally(signal -> release());
    }

    /** Ends every operation and closes the connection with 1001, as the server shuts down. */
    void goAway() {
        close(CloseCodes.GOING_AWAY);
    }

    /** Whether the connection was opened by {@code userId}. */
    boolean isOf(String userId) {
        Authentication connectionUser = user;
        return connectionUser != null && connectionUser.getName().equals(userId);
    }

    /**
     * Ends every operation and closes the connection with 4403, after telling the protocols that have
     * words for it, as its user's account was disabled.
     */
    void accountDisabled() {
        refuse(403, CloseCodes.ACCOUNT_DISABLED.getReason(), CloseCodes.ACCOUNT_DISABLED);
    }

    private Mono<Void> receive(String text) {
        ClientMessage message = protocol.decode(text);
        if (message instanceof ClientMessage.Init init) {
            return initialise(init);
        }
        if (message instanceof ClientMessage.Subscribe subscribe) {
            start(subscribe);
        } else if (message instanceof ClientMessage.Stop stop) {
            stop(stop.id());
        } else if (message instanceof ClientMessage.Ping) {
            String pong = protocol.pong();
            if (pong != null) {
                send(pong);
            }
        } else if (message instanceof ClientMessage.Terminate) {
            close(CloseCodes.NORMAL);
        } else if (message instanceof ClientMessage.Invalid invalid) {
            close(CloseCodes.invalidMessage(invalid.reason()));
        }
        return Mono.empty();
    }

    private Mono<Void> initialise(ClientMessage.Init init) {
        if (!initialised.compareAndSet(false, true)) {
            close(CloseCodes.TOO_MANY_INIT_REQUESTS);
            return Mono.empty();
        }
        Map<String, Object> credentials = handshakeCredentials.isEmpty() ? init.payload() : handshakeCredentials;
        return services.authentication()
                .authenticate(credentials)
                .doOnNext(this::accept)
                .onErrorResume(ex -> {
                    services.meters().connectionRefused();
                    if (ex instanceof AuthenticationException && !(ex instanceof AuthenticationServiceException)) {
                        LOG.debug("Refused a real-time connection: {}", ex.getMessage());
                        refuse(401, ex.getMessage(), CloseCodes.UNAUTHORIZED);
                    } else {
                        LOG.error("Could not check the credentials of a real-time connection", ex);
                        closeAfterFlush(CloseCodes.INTERNAL_ERROR);
                    }
                    return Mono.empty();
                })
                .then();
    }

    private void accept(Authentication authenticated) {
        if (!services.registry()
                .admit(authenticated.getName(), services.properties().maxConnectionsPerUser())) {
            refuse(403, CloseCodes.TOO_MANY_CONNECTIONS.getReason(), CloseCodes.TOO_MANY_CONNECTIONS);
            return;
        }
        user = authenticated;
        protocol.accepted().forEach(this::send);
        Duration keepAlive = services.properties().keepAlive();
        timers.add(Flux.interval(keepAlive, keepAlive).subscribe(tick -> send(protocol.keepAlive())));
        services.authentication()
                .remaining(authenticated)
                .ifPresent(left ->
                        timers.add(Mono.delay(left).subscribe(expired -> close(CloseCodes.CREDENTIALS_EXPIRED))));
    }

    private void refuse(int statusCode, String message, CloseStatus status) {
        protocol.refused(statusCode, message).forEach(this::send);
        closeAfterFlush(status);
    }

    private void start(ClientMessage.Subscribe subscribe) {
        Authentication connectionUser = user;
        if (connectionUser == null) {
            close(CloseCodes.UNAUTHORIZED);
            return;
        }
        String id = subscribe.id();
        if (operations.containsKey(id)) {
            close(CloseCodes.subscriberExists(id));
            return;
        }
        if (operations.size() >= services.properties().maxSubscriptionsPerConnection()) {
            send(protocol.error(
                    id,
                    services.operations()
                            .errors(List.of(GraphQlOperations.badRequest("At most "
                                    + services.properties().maxSubscriptionsPerConnection()
                                    + " operations may run at once on one connection")))));
            return;
        }
        Mono<Authentication> runAs = subscribe.credentials().isEmpty()
                ? Mono.just(connectionUser)
                : services.authentication().authenticate(subscribe.credentials());
        Disposable.Swap operation = Disposables.swap();
        operations.put(id, operation);
        operation.update(runAs.flatMapMany(runner -> services.subscriptions()
                        .run(session.getHandshakeInfo(), id, subscribe.request(), runner, () -> {
                            String ack = protocol.started(id);
                            if (ack != null) {
                                send(ack);
                            }
                        })
                        .doOnSubscribe(started -> services.meters().subscriptionStarted(protocol.label()))
                        .doFinally(ended -> services.meters().subscriptionEnded(protocol.label())))
                .subscribe(
                        result -> {
                            send(protocol.next(id, result.json()));
                            services.meters().delivered(result.receivedAt());
                        },
                        failure -> {
                            if (operations.remove(id) != null) {
                                send(protocol.error(id, errorsOf(failure)));
                            }
                        },
                        () -> {
                            if (operations.remove(id) != null) {
                                send(protocol.complete(id));
                            }
                        }));
    }

    private void stop(String id) {
        Disposable operation = operations.remove(id);
        if (operation != null) {
            operation.dispose();
            if (protocol.confirmsStop()) {
                send(protocol.complete(id));
            }
        }
    }

    private String errorsOf(Throwable failure) {
        if (failure instanceof GraphQlOperations.OperationFailed failed) {
            return failed.errors();
        }
        ErrorClassification type = ErrorTypes.of(failure);
        if (type != null) {
            LOG.debug("Ended operation: {}", failure.getMessage());
            return services.operations().errors(List.of(GraphQlOperations.of(type, failure.getMessage())));
        }
        LOG.error("Real-time operation failed", failure);
        return services.operations().errors(List.of(GraphQlOperations.internalError()));
    }

    /** Queues a message for the client; a client whose queue is full is disconnected. */
    private void send(String message) {
        if (!closing.get() && !outbound.offer(message)) {
            LOG.debug("Disconnecting a client whose outbound queue is full");
            close(CloseCodes.SLOW_CONSUMER);
        }
    }

    /** Closes the connection once what is queued has been sent, so that the client reads why. */
    private void closeAfterFlush(CloseStatus status) {
        if (closing.compareAndSet(false, true)) {
            timers.dispose();
            operations.values().forEach(Disposable::dispose);
            outbound.flushThen(() -> session.close(status).subscribe());
        }
    }

    /** Closes the connection at once, dropping whatever is still queued. */
    private void close(CloseStatus status) {
        if (closing.compareAndSet(false, true)) {
            timers.dispose();
            operations.values().forEach(Disposable::dispose);
            outbound.discard();
            session.close(status).subscribe();
        }
    }

    private void release() {
        closing.set(true);
        timers.dispose();
        operations.values().forEach(Disposable::dispose);
        operations.clear();
        outbound.discard();
        Authentication released = user;
        if (released != null) {
            user = null;
            services.registry().release(released.getName());
        }
        services.registry().closed(this);
        services.meters().connectionClosed(protocol.label());
    }

    /** What every connection of this node uses. */
    record Services(
            RealtimeProperties properties,
            ConnectionRegistry registry,
            GraphQlOperations operations,
            SharedSubscriptions subscriptions,
            ConnectionAuthentication authentication,
            RealtimeMeters meters) {}
}
