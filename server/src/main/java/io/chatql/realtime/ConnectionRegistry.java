package io.chatql.realtime;

import io.chatql.auth.AccountDisabled;
import io.chatql.live.LiveEvents;
import io.chatql.presence.PresenceConnections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The real-time connections open on this node: it counts them per user, to enforce the limit, and
 * tells presence of each one accepted and closed, Server-Sent Events subscriptions included; closes
 * those of an account as soon as it is disabled, on whichever node that was done, and ends its
 * Server-Sent Events streams; and on shutdown ends their subscriptions and closes them with 1001
 * (going away) before the server stops.
 */
@Component
class ConnectionRegistry implements SmartLifecycle {

    private final Set<RealtimeConnection> connections = ConcurrentHashMap.newKeySet();

    private final Set<EventStream> eventStreams = ConcurrentHashMap.newKeySet();

    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    private final LiveEvents events;

    private final PresenceConnections presence;

    private final Disposable.Swap disablings = Disposables.swap();

    private volatile boolean running;

    ConnectionRegistry(LiveEvents events, PresenceConnections presence) {
        this.events = events;
        this.presence = presence;
    }

    void opened(RealtimeConnection connection) {
        connections.add(connection);
    }

    void closed(RealtimeConnection connection) {
        connections.remove(connection);
    }

    /** Counts a connection of {@code userId}; false, counting nothing, when the user is at the limit. */
    boolean admit(String userId, int limit) {
        AtomicInteger count = perUser.computeIfAbsent(userId, id -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            return false;
        }
        presence.opened(userId);
        return true;
    }

    /** Counts a connection that was {@linkplain #admit admitted} as closed. */
    void release(String userId) {
        perUser.computeIfPresent(userId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
        presence.closed(userId);
    }

    /**
     * The events of a subscription that {@code userId} follows over Server-Sent Events, which complete
     * when that account is disabled; the user is connected while they are followed.
     */
    <T> Flux<T> endedWhenDisabled(String userId, Flux<T> subscription) {
        return Flux.defer(() -> {
            EventStream stream = new EventStream(userId, Sinks.empty());
            eventStreams.add(stream);
            presence.opened(userId);
            return subscription.takeUntilOther(stream.disabled().asMono()).doFinally(signal -> {
                eventStreams.remove(stream);
                presence.closed(userId);
            });
        });
    }

    private void disabled(AccountDisabled disabled) {
        connections.stream()
                .filter(connection -> connection.isOf(disabled.userId()))
                .forEach(RealtimeConnection::accountDisabled);
        eventStreams.stream()
                .filter(stream -> stream.userId().equals(disabled.userId()))
                .forEach(stream -> stream.disabled().tryEmitEmpty());
    }

    @Override
    public void start() {
        disablings.update(events.stream(AccountDisabled.class).subscribe(this::disabled));
        running = true;
    }

    /**
     * Runs before the web server's graceful shutdown, so that clients learn the server is going away
     * while in-flight requests still finish.
     */
    @Override
    public void stop() {
        running = false;
        disablings.update(Disposables.disposed());
        connections.forEach(RealtimeConnection::goAway);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 512;
    }

    /** One subscription over Server-Sent Events, and what ends it when its account is disabled. */
    private record EventStream(String userId, Sinks.Empty<Void> disabled) {}
}
