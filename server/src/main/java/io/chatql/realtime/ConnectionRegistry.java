package io.chatql.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The real-time connections open on this node: it counts them per user, to enforce the limit, and on
 * shutdown ends their subscriptions and closes them with 1001 (going away) before the server stops.
 */
@Component
class ConnectionRegistry implements SmartLifecycle {

    private final Set<RealtimeConnection> connections = ConcurrentHashMap.newKeySet();

    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    private volatile boolean running;

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
        return true;
    }

    void release(String userId) {
        perUser.computeIfPresent(userId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Runs before the web server's graceful shutdown, so that clients learn the server is going away
     * while in-flight requests still finish.
     */
    @Override
    public void stop() {
        running = false;
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
}
