package io.chatql.presence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;

/**
 * The port through which the real-time transport tells presence of the connections it holds: each
 * WebSocket connection once accepted, and each Server-Sent Events subscription, is {@link #opened}
 * and then {@link #closed}. It counts them per user, tells every node, itself included, when this node
 * holds a first connection of a user or no longer any, sends the heartbeat that says whom it holds,
 * and says, as the node stops, that it departs. Nothing is written per connection or heartbeat: only
 * when a user's last connection here closes is their last seen stored, by {@link LastSeenRecords}, at
 * most once a minute. Each heartbeat counts in {@code chatql.presence.heartbeats}, so that what one
 * costs can be told from the other meters.
 */
@Component
public class PresenceConnections implements SmartLifecycle {

    private final Map<String, Integer> perUser = new HashMap<>();

    private final PresenceDirectory directory;

    private final LastSeenRecords lastSeen;

    private final ApplicationEventPublisher events;

    private final Duration heartbeat;

    private final Counter heartbeats;

    private final Disposable.Swap beating = Disposables.swap();

    private volatile boolean running;

    PresenceConnections(
            PresenceDirectory directory,
            LastSeenRecords lastSeen,
            ApplicationEventPublisher events,
            PresenceProperties properties,
            MeterRegistry registry) {
        this.directory = directory;
        this.lastSeen = lastSeen;
        this.events = events;
        this.heartbeat = properties.nodeHeartbeat();
        this.heartbeats = Counter.builder("chatql.presence.heartbeats")
                .description("Heartbeats this node sent to the nodes, itself included")
                .register(registry);
    }

    /** A real-time connection of the user opened on this node. */
    public synchronized void opened(String userId) {
        if (perUser.merge(userId, 1, Integer::sum) == 1) {
            events.publishEvent(new UserConnectionChanged(directory.node(), userId, true));
        }
    }

    /** A real-time connection of the user that was {@link #opened} closed. */
    public synchronized void closed(String userId) {
        Integer left = perUser.computeIfPresent(userId, (id, count) -> count > 1 ? count - 1 : null);
        if (left == null) {
            events.publishEvent(new UserConnectionChanged(directory.node(), userId, false));
            lastSeen.seenNow(userId);
        }
    }

    /**
     * Tells whom this node holds; under the same lock as the changes, so that no heartbeat taken
     * before a change reaches the nodes after it.
     */
    private synchronized void beat() {
        List<String> connected = List.copyOf(perUser.keySet());
        events.publishEvent(new NodeHeartbeat(directory.node(), connected, directory.awayAmong(connected)));
        heartbeats.increment();
    }

    @Override
    public void start() {
        beating.update(Flux.interval(Duration.ZERO, heartbeat).subscribe(beat -> beat()));
        running = true;
    }

    /**
     * Stops the heartbeats and tells the other nodes that this one departs, so that they take its
     * connections for closed at once rather than after the node timeout: the connections are closed
     * later in the shutdown, once events no longer reach the other nodes.
     */
    @Override
    public void stop() {
        running = false;
        beating.update(Disposables.disposed());
        depart();
    }

    /** Under the lock of the heartbeat, so that no heartbeat reaches the nodes after the departure. */
    private synchronized void depart() {
        events.publishEvent(new NodeDeparted(directory.node()));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
