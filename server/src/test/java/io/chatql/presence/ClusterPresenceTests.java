package io.chatql.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.presence.ClusterPresence.StatusChange;
import io.chatql.support.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterPresenceTests {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(15);

    private final AdjustableClock clock = new AdjustableClock();

    private final ClusterPresence cluster = new ClusterPresence("self", GRACE, NODE_TIMEOUT);

    @Test
    void userIsOnlineFromTheirFirstConnection() {
        ClusterPresence.Outcome outcome = cluster.connectionChanged("self", "alice", true, now());

        assertThat(outcome.changes()).containsExactly(new StatusChange("alice", PresenceStatus.ONLINE, null));
        assertThat(cluster.statusOf("alice")).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void userIsOfflineOnceTheGraceHasPassedSinceTheirLastConnectionClosed() {
        cluster.connectionChanged("self", "alice", true, now());
        Instant closedAt = now();
        ClusterPresence.Outcome closing = cluster.connectionChanged("self", "alice", false, closedAt);

        assertThat(closing.changes()).isEmpty();
        assertThat(closing.disconnected()).containsExactly("alice");
        clock.advance(GRACE.minusMillis(1));
        assertThat(cluster.tick(now()).changes()).isEmpty();
        assertThat(cluster.statusOf("alice")).isEqualTo(PresenceStatus.ONLINE);

        clock.advance(Duration.ofMillis(1));

        assertThat(cluster.tick(now()).changes())
                .containsExactly(new StatusChange("alice", PresenceStatus.OFFLINE, closedAt));
        assertThat(cluster.statusOf("alice")).isEqualTo(PresenceStatus.OFFLINE);
        assertThat(cluster.lastSeenOf("alice")).isEqualTo(closedAt);
    }

    @Test
    void reconnectingWithinTheGraceOnAnotherNodeShowsNoChange() {
        cluster.connectionChanged("self", "alice", true, now());
        cluster.connectionChanged("self", "alice", false, now());
        clock.advance(Duration.ofSeconds(2));

        ClusterPresence.Outcome reconnected = cluster.connectionChanged("other", "alice", true, now());
        clock.advance(GRACE);

        assertThat(reconnected.changes()).isEmpty();
        assertThat(cluster.tick(now()).changes()).isEmpty();
        assertThat(cluster.statusOf("alice")).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void userConnectedOnTwoNodesStaysOnlineWhenOneLetsGo() {
        cluster.connectionChanged("self", "alice", true, now());
        cluster.connectionChanged("other", "alice", true, now());

        ClusterPresence.Outcome outcome = cluster.connectionChanged("self", "alice", false, now());
        clock.advance(GRACE);

        assertThat(outcome.disconnected()).isEmpty();
        assertThat(cluster.tick(now()).changes()).isEmpty();
        assertThat(cluster.statusOf("alice")).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void usersOfANodeThatDepartedAreOfflineAfterTheGraceNotTheNodeTimeout() {
        cluster.heartbeat("other", List.of("alice", "bob"), List.of(), now());
        cluster.connectionChanged("self", "bob", true, now());
        clock.advance(Duration.ofSeconds(1));
        Instant departedAt = now();

        ClusterPresence.Outcome departing = cluster.departed("other", departedAt);
        clock.advance(GRACE);

        assertThat(departing.disconnected()).containsExactly("alice");
        assertThat(cluster.tick(now()).changes())
                .containsExactly(new StatusChange("alice", PresenceStatus.OFFLINE, departedAt));
        assertThat(cluster.statusOf("bob")).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void connectedUserReportedIdleIsAwayUntilBack() {
        cluster.connectionChanged("self", "alice", true, now());

        assertThat(cluster.awayReported("alice", true, now()).changes())
                .containsExactly(new StatusChange("alice", PresenceStatus.AWAY, null));
        assertThat(cluster.awayReported("alice", false, now()).changes())
                .containsExactly(new StatusChange("alice", PresenceStatus.ONLINE, null));
    }

    @Test
    void idlenessOfAUserWithoutConnectionIsIgnored() {
        assertThat(cluster.awayReported("alice", true, now()).changes()).isEmpty();

        cluster.connectionChanged("self", "alice", true, now());

        assertThat(cluster.statusOf("alice")).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void idlenessIsForgottenOnceOffline() {
        cluster.connectionChanged("self", "alice", true, now());
        cluster.awayReported("alice", true, now());
        cluster.connectionChanged("self", "alice", false, now());
        clock.advance(GRACE);
        cluster.tick(now());

        assertThat(cluster.connectionChanged("self", "alice", true, now()).changes())
                .containsExactly(new StatusChange("alice", PresenceStatus.ONLINE, null));
    }

    @Test
    void usersOfANodeSilentForTheTimeoutGoOfflineAtOnceAsOfWhenItWasLastHeard() {
        Instant lastHeard = now();
        cluster.heartbeat("other", List.of("alice", "bob"), List.of(), lastHeard);
        clock.advance(NODE_TIMEOUT.minusSeconds(1));
        assertThat(cluster.tick(now()).disconnected()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        ClusterPresence.Outcome dead = cluster.tick(now());

        assertThat(dead.disconnected()).containsExactlyInAnyOrder("alice", "bob");
        assertThat(dead.changes())
                .containsExactlyInAnyOrder(
                        new StatusChange("alice", PresenceStatus.OFFLINE, lastHeard),
                        new StatusChange("bob", PresenceStatus.OFFLINE, lastHeard));
    }

    @Test
    void heartbeatsKeepANodeAlive() {
        for (int beat = 0; beat < 10; beat++) {
            cluster.heartbeat("other", List.of("alice"), List.of(), now());
            clock.advance(Duration.ofSeconds(5));
            assertThat(cluster.tick(now()).disconnected()).isEmpty();
        }

        assertThat(cluster.statusOf("alice")).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void thisNodeIsNeverTakenForDead() {
        cluster.connectionChanged("self", "alice", true, now());
        clock.advance(NODE_TIMEOUT.multipliedBy(10));

        assertThat(cluster.tick(now()).disconnected()).isEmpty();
        assertThat(cluster.statusOf("alice")).isEqualTo(PresenceStatus.ONLINE);
    }

    @Test
    void heartbeatTellsANodeThatStartedLateWhoIsConnectedAndAway() {
        ClusterPresence.Outcome outcome = cluster.heartbeat("other", List.of("alice", "bob"), List.of("bob"), now());

        assertThat(outcome.changes())
                .containsExactlyInAnyOrder(
                        new StatusChange("alice", PresenceStatus.ONLINE, null),
                        new StatusChange("bob", PresenceStatus.AWAY, null));
    }

    @Test
    void heartbeatThatNoLongerNamesAUserLetsThemGo() {
        cluster.heartbeat("other", List.of("alice", "bob"), List.of(), now());

        ClusterPresence.Outcome outcome = cluster.heartbeat("other", List.of("bob"), List.of(), now());

        assertThat(outcome.disconnected()).containsExactly("alice");
    }

    private Instant now() {
        return clock.instant();
    }
}
