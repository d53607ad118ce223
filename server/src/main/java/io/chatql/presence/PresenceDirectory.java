package io.chatql.presence;

import io.chatql.live.EventFollowing;
import io.chatql.live.LiveEvents;
import io.chatql.system.BlockingWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * This node's view of everyone's presence: it follows the connections that every node reports, itself
 * included, keeps them in a {@link ClusterPresence}, and delivers what follows on this node, as a
 * {@link PresenceChanged} for each change of status and a {@link LastConnectionClosed} when a user's
 * last connection closes. Nothing of it is read from or written to the database; only whether an
 * offline user shows when they were last seen is looked up, once, by {@link LastSeenVisibility}.
 * Changes are delivered in the order they happened.
 */
@Component
public class PresenceDirectory extends EventFollowing {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceDirectory.class);

    /** How often the nodes timed out and the graces run out are looked for. */
    static final Duration TICK = Duration.ofSeconds(1);

    private final String node = UUID.randomUUID().toString();

    private final ClusterPresence cluster;

    private final LiveEvents events;

    private final LastSeenVisibility visibility;

    private final BlockingWork blocking;

    private final Clock clock;

    /** The changes to deliver, read by the subscription of {@link #follow}, made anew each time it starts. */
    private volatile Sinks.Many<ClusterPresence.StatusChange> changes =
            Sinks.many().unicast().onBackpressureBuffer();

    PresenceDirectory(
            PresenceProperties properties,
            LiveEvents events,
            LastSeenVisibility visibility,
            BlockingWork blocking,
            Clock clock) {
        this.cluster = new ClusterPresence(node, properties.offlineGrace(), properties.nodeTimeout());
        this.events = events;
        this.visibility = visibility;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The user's status now. */
    public PresenceStatus statusOf(String userId) {
        synchronized (cluster) {
            return cluster.statusOf(userId);
        }
    }

    /** When this node saw the user go offline last; null when it did not since it started. */
    @Nullable
    Instant lastSeenOf(String userId) {
        synchronized (cluster) {
            return cluster.lastSeenOf(userId);
        }
    }

    /** This node's id in the cluster. */
    String node() {
        return node;
    }

    /** Those of {@code userIds} reported idle. */
    List<String> awayAmong(Collection<String> userIds) {
        synchronized (cluster) {
            return cluster.awayAmong(userIds);
        }
    }

    private void connectionChanged(UserConnectionChanged change) {
        synchronized (cluster) {
            announce(cluster.connectionChanged(change.node(), change.userId(), change.connected(), clock.instant()));
        }
    }

    private void heartbeat(NodeHeartbeat heartbeat) {
        synchronized (cluster) {
            announce(cluster.heartbeat(heartbeat.node(), heartbeat.connected(), heartbeat.away(), clock.instant()));
        }
    }

    private void departed(NodeDeparted departure) {
        synchronized (cluster) {
            announce(cluster.departed(departure.node(), clock.instant()));
        }
    }

    private void awayReported(AwayReported report) {
        synchronized (cluster) {
            announce(cluster.awayReported(report.userId(), report.away(), clock.instant()));
        }
    }

    private void tick() {
        synchronized (cluster) {
            announce(cluster.tick(clock.instant()));
        }
    }

    /** Hands on what changed; called under the lock, so that the changes keep their order. */
    private void announce(ClusterPresence.Outcome outcome) {
        outcome.disconnected().forEach(userId -> events.deliverOnThisNode(new LastConnectionClosed(userId)));
        outcome.changes().forEach(changes::tryEmitNext);
    }

    /** The change as it is delivered: for an offline user, with whether they show when they were last seen. */
    private Mono<PresenceChanged> delivered(ClusterPresence.StatusChange change) {
        if (change.status() != PresenceStatus.OFFLINE) {
            return Mono.just(new PresenceChanged(change.userId(), change.status(), null, true));
        }
        return blocking.of(() -> new PresenceChanged(
                        change.userId(), change.status(), change.lastSeenAt(), visibility.isShown(change.userId())))
                .onErrorResume(failure -> {
                    LOG.warn(
                            "Told that {} went offline without when they were last seen: {}",
                            change.userId(),
                            failure.getMessage());
                    return Mono.just(new PresenceChanged(change.userId(), change.status(), null, false));
                });
    }

    @Override
    protected void follow(Disposable.Composite following) {
        changes = Sinks.many().unicast().onBackpressureBuffer();
        following.add(changes.asFlux().concatMap(this::delivered).subscribe(events::deliverOnThisNode));
        following.add(events.stream(UserConnectionChanged.class).subscribe(this::connectionChanged));
        following.add(events.stream(NodeHeartbeat.class).subscribe(this::heartbeat));
        following.add(events.stream(NodeDeparted.class).subscribe(this::departed));
        following.add(events.stream(AwayReported.class).subscribe(this::awayReported));
        following.add(Flux.interval(TICK, TICK).subscribe(tick -> tick()));
    }
}
