package io.chatql.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The presence of every user as one node sees the cluster: which users each node holds connections
 * of, as the nodes told, and what follows for each user. A user is connected while any node that is
 * alive holds a connection of theirs; ONLINE, or AWAY once reported idle, until the offline grace has
 * passed since their last connection anywhere closed; then OFFLINE, last seen when it closed. A node
 * silent for the node timeout is dead, and its connections closed when it was last heard from; one
 * that said it stopped has its connections closed when it said so.
 *
 * <p>Pure logic on the times it is given; not thread-safe, its owner serializes the calls.
 */
final class ClusterPresence {

    /** How many users' last-seen times are remembered; older ones are read from the database. */
    static final int REMEMBERED_LAST_SEEN = 100_000;

    private final String self;

    private final Duration offlineGrace;

    private final Duration nodeTimeout;

    private final Map<String, NodeConnections> nodes = new HashMap<>();

    private final Set<String> away = new HashSet<>();

    /** The users shown online or away: absent ones are offline. */
    private final Map<String, PresenceStatus> shown = new HashMap<>();

    /** The users in their offline grace, and since when their last connection closed. */
    private final Map<String, Instant> leaving = new HashMap<>();

    private final Map<String, Instant> lastSeen = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_LAST_SEEN;
        }
    };

    /**
     * @param self the node this is, which is never taken for dead
     */
    ClusterPresence(String self, Duration offlineGrace, Duration nodeTimeout) {
        this.self = self;
        this.offlineGrace = offlineGrace;
        this.nodeTimeout = nodeTimeout;
    }

    /** What a call changed: the users whose status changed, and those whose last connection closed. */
    record Outcome(List<StatusChange> changes, List<String> disconnected) {

        Outcome() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /** A user's new status; {@code lastSeenAt} for an offline one. */
    record StatusChange(
            String userId, PresenceStatus status, @Nullable Instant lastSeenAt) {}

    /** The node {@code node} holds a first connection of the user, or no longer any. */
    Outcome connectionChanged(String node, String userId, boolean connected, Instant now) {
        NodeConnections connections = heard(node, now);
        if (connected) {
            connections.users.add(userId);
        } else {
            connections.users.remove(userId);
        }
        Outcome outcome = new Outcome();
        settle(userId, now, outcome);
        return outcome;
    }

    /** The node {@code node} holds connections of exactly {@code connected}; adds the {@code away} among them. */
    Outcome heartbeat(String node, Collection<String> connected, Collection<String> reportedAway, Instant now) {
        NodeConnections connections = heard(node, now);
        Set<String> affected = new HashSet<>(connections.users);
        affected.addAll(connected);
        connections.users.clear();
        connections.users.addAll(connected);
        away.addAll(reportedAway);
        Outcome outcome = new Outcome();
        affected.forEach(userId -> settle(userId, now, outcome));
        return outcome;
    }

    /** The node {@code node} stopped: its connections closed now. */
    Outcome departed(String node, Instant now) {
        Outcome outcome = new Outcome();
        NodeConnections departed = nodes.remove(node);
        if (departed != null) {
            departed.users.forEach(userId -> settle(userId, now, outcome));
        }
        return outcome;
    }

    /** The user's client reported them idle, or back; only a connected user can be away. */
    Outcome awayReported(String userId, boolean idle, Instant now) {
        Outcome outcome = new Outcome();
        if (!isConnected(userId)) {
            return outcome;
        }
        if (idle) {
            away.add(userId);
        } else {
            away.remove(userId);
        }
        settle(userId, now, outcome);
        return outcome;
    }

    /** Takes the nodes silent for the timeout for dead, and the users whose grace has passed offline. */
    Outcome tick(Instant now) {
        Outcome outcome = new Outcome();
        Iterator<Map.Entry<String, NodeConnections>> each = nodes.entrySet().iterator();
        List<NodeConnections> dead = new ArrayList<>();
        while (each.hasNext()) {
            Map.Entry<String, NodeConnections> node = each.next();
            if (!node.getKey().equals(self)
                    && !node.getValue().lastHeard.plus(nodeTimeout).isAfter(now)) {
                dead.add(node.getValue());
                each.remove();
            }
        }
        dead.forEach(node -> node.users.forEach(userId -> settle(userId, node.lastHeard, outcome)));
        Iterator<Map.Entry<String, Instant>> left = leaving.entrySet().iterator();
        while (left.hasNext()) {
            Map.Entry<String, Instant> user = left.next();
            if (!user.getValue().plus(offlineGrace).isAfter(now)) {
                left.remove();
                goOffline(user.getKey(), user.getValue(), outcome);
            }
        }
        return outcome;
    }

    /** The user's status now. */
    PresenceStatus statusOf(String userId) {
        return shown.getOrDefault(userId, PresenceStatus.OFFLINE);
    }

    /** When the user was last seen, as far as this node saw them go; empty when it did not. */
    @Nullable
    Instant lastSeenOf(String userId) {
        return lastSeen.get(userId);
    }

    /** Those of {@code userIds} reported idle. */
    List<String> awayAmong(Collection<String> userIds) {
        return userIds.stream().filter(away::contains).toList();
    }

    private NodeConnections heard(String node, Instant now) {
        NodeConnections connections = nodes.computeIfAbsent(node, id -> new NodeConnections());
        connections.lastHeard = now;
        return connections;
    }

    private boolean isConnected(String userId) {
        return nodes.values().stream().anyMatch(node -> node.users.contains(userId));
    }

    /** Derives the user's status from the connections, {@code now} being when they last changed. */
    private void settle(String userId, Instant now, Outcome outcome) {
        if (!isConnected(userId)) {
            if (shown.containsKey(userId) && !leaving.containsKey(userId)) {
                leaving.put(userId, now);
                outcome.disconnected().add(userId);
            }
            return;
        }
        leaving.remove(userId);
        PresenceStatus status = away.contains(userId) ? PresenceStatus.AWAY : PresenceStatus.ONLINE;
        if (shown.put(userId, status) != status) {
            outcome.changes().add(new StatusChange(userId, status, null));
        }
    }

    private void goOffline(String userId, Instant seenAt, Outcome outcome) {
        shown.remove(userId);
        away.remove(userId);
        lastSeen.remove(userId);
        lastSeen.put(userId, seenAt);
        outcome.changes().add(new StatusChange(userId, PresenceStatus.OFFLINE, seenAt));
    }

    /** The users a node holds connections of, and when it was last heard from. */
    private static final class NodeConnections {

        private final Set<String> users = new HashSet<>();

        private Instant lastHeard = Instant.EPOCH;
    }
}
