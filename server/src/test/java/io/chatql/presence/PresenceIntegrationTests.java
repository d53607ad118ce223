package io.chatql.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import io.chatql.support.RawWebSocket;
import io.chatql.support.SubscriptionRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.Disposable;

/**
 * Presence follows the real-time connections: online while one is open, offline soon after the last
 * closes; told only to the user and to the people they share a conversation with.
 */
abstract class PresenceIntegrationTests extends IntegrationTest {

    /** The ISO instant of a minute, as last seen times are told. */
    private static final String TO_THE_MINUTE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:00Z";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void contactIsOnlineWhileConnectedAndOfflineSoonAfterTheirLastConnectionCloses() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        startConversation(alice, bob);
        SubscriptionRecorder watching = watch(bob);

        RawWebSocket connection = client().connect(alice);
        Map<String, Object> online = watching.await(presenceOf(alice, "ONLINE"));
        connection.close();
        long closedAt = System.nanoTime();
        Map<String, Object> offline = watching.await(presenceOf(alice, "OFFLINE"));

        assertThat(online.get("lastSeenAt")).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isGreaterThan(Duration.ofSeconds(4));
        assertThat((String) offline.get("lastSeenAt")).matches(TO_THE_MINUTE);
        watching.stop();
    }

    @Test
    void reconnectingWithinTheGraceShowsNoOffline() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        startConversation(alice, bob);
        SubscriptionRecorder watching = watch(bob);
        RawWebSocket first = client().connect(alice);
        watching.await(presenceOf(alice, "ONLINE"));

        first.close();
        RawWebSocket reloaded = client().connect(alice);
        Thread.sleep(7_000);

        assertThat(watching.received()).noneMatch(presenceOf(alice, "OFFLINE"));
        reloaded.close();
        watching.await(presenceOf(alice, "OFFLINE"));
        watching.stop();
    }

    @Test
    void serverSentEventsSubscriptionKeepsItsUserOnline() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        SubscriptionRecorder watching = watch(bob);

        Disposable stream =
                client().newMessagesOverServerSentEvents(alice, conversationId).subscribe();
        watching.await(presenceOf(alice, "ONLINE"));
        stream.dispose();

        watching.await(presenceOf(alice, "OFFLINE"));
        watching.stop();
    }

    @Test
    void connectionOfTheLegacyProtocolKeepsItsUserOnline() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        startConversation(alice, bob);
        SubscriptionRecorder watching = watch(bob);

        RawWebSocket legacy = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-ws");
        legacy.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + alice.accessToken() + "\"}}");
        legacy.awaitContaining("connection_ack");
        watching.await(presenceOf(alice, "ONLINE"));
        legacy.close();

        watching.await(presenceOf(alice, "OFFLINE"));
        watching.stop();
    }

    @Test
    void connectedUserReportedIdleIsAwayUntilBack() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        startConversation(alice, bob);
        SubscriptionRecorder watching = watch(bob);
        RawWebSocket connection = client().connect(alice);
        watching.await(presenceOf(alice, "ONLINE"));

        setAway(alice, true).path("setAway.status").entity(String.class).isEqualTo("AWAY");
        watching.await(presenceOf(alice, "AWAY"));
        setAway(alice, false).path("setAway.status").entity(String.class).isEqualTo("ONLINE");

        assertThat(watching.await(presenceOf(alice, null), 3).stream().map(event -> event.get("status")))
                .containsExactly("ONLINE", "AWAY", "ONLINE");
        connection.close();
        watching.stop();
    }

    @Test
    void userWithoutConnectionStaysOfflineWhenReportedIdle() {
        Account alice = signUp("alice");

        setAway(alice, true).path("setAway.status").entity(String.class).isEqualTo("OFFLINE");
    }

    @Test
    void presenceIsKnownOnlyToContactsAndToTheUser() throws Exception {
        Account mallory = signUp("mallory");
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        startConversation(alice, bob);
        RawWebSocket connection = client().connect(alice);
        SubscriptionRecorder strangersWatch = watch(mallory);
        setAway(alice, true);

        awaitPresenceSeenBy(bob, alice, "AWAY");
        graphQl(alice)
                .documentName("myPresence")
                .execute()
                .path("me.presence.status")
                .entity(String.class)
                .isEqualTo("AWAY");
        graphQl(mallory)
                .documentName("nextUserPresence")
                .variable("after", mallory.userId())
                .execute()
                .path("allUser[0].id")
                .entity(String.class)
                .isEqualTo(alice.userId())
                .path("allUser[0].presence")
                .valueIsNull();
        assertThat(strangersWatch.received()).noneMatch(presenceOf(alice, null));
        connection.close();
        strangersWatch.stop();
    }

    @Test
    void hiddenLastSeenIsToldToNoOneButTheUser() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        startConversation(alice, bob);
        graphQl(alice)
                .documentName("setShowLastSeen")
                .variable("enabled", false)
                .execute()
                .path("setShowLastSeen.showLastSeen")
                .entity(Boolean.class)
                .isEqualTo(false);
        SubscriptionRecorder watching = watch(bob);

        client().connect(alice).close();
        Map<String, Object> offline = watching.await(presenceOf(alice, "OFFLINE"));

        assertThat(offline.get("lastSeenAt")).isNull();
        assertThat(presenceSeenBy(bob, alice).get("lastSeenAt")).isNull();
        graphQl(alice)
                .documentName("myPresence")
                .execute()
                .path("settings.showLastSeen")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("me.presence.lastSeenAt")
                .entity(String.class)
                .matches(seenAt -> seenAt.matches(TO_THE_MINUTE));
        watching.stop();
    }

    @Test
    void lastSeenIsShownByDefault() {
        Account alice = signUp("alice");

        graphQl(alice)
                .documentName("myPresence")
                .execute()
                .path("settings.showLastSeen")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("me.presence.status")
                .entity(String.class)
                .isEqualTo("OFFLINE")
                .path("me.presence.lastSeenAt")
                .valueIsNull();
    }

    @Test
    void lastSeenIsStoredWhenTheLastConnectionCloses() throws Exception {
        Account alice = signUp("alice");

        client().connect(alice).close();

        awaitStoredLastSeen(alice);
    }

    @Test
    void peopleWhoBecomeContactsWhileSubscribedAreToldAtOnce() throws Exception {
        Account bob = signUp("bob");
        Account alice = signUp("alice");
        Account carol = signUp("carol");
        SubscriptionRecorder watching = watch(bob);
        RawWebSocket connection = client().connect(alice);
        Thread.sleep(500);
        assertThat(watching.received()).noneMatch(presenceOf(alice, null));

        startConversation(carol, bob, alice);

        watching.await(presenceOf(alice, "ONLINE"));
        watching.await(presenceOf(carol, "OFFLINE"));
        connection.close();
        watching.stop();
    }

    @Test
    void keepAlivesAndNodeHeartbeatsWriteNothing() throws Exception {
        Account alice = signUp("alice");
        RawWebSocket connection = client().connect(alice);
        letEarlierWritesFinish();
        long before = statements.writes();

        for (int i = 0; i < 20; i++) {
            connection.send("{\"type\":\"ping\"}");
            connection.awaitContaining("pong");
        }
        Thread.sleep(6_000);

        assertThat(statements.writes()).isEqualTo(before);
        connection.close();
    }

    @Test
    void aChangeCostsTheSameStatementsHoweverManyWatchIt() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Account carol = signUp("carol");
        Account dave = signUp("dave");
        startConversation(alice, bob, carol, dave);
        SubscriptionRecorder bobWatching = watch(bob);
        RawWebSocket connection = client().connect(alice);
        bobWatching.await(presenceOf(alice, "ONLINE"));
        letEarlierWritesFinish();

        long toldToOne = Math.min(
                statementsUntilTold(alice, true, Map.of(bobWatching, 1)),
                statementsUntilTold(alice, false, Map.of(bobWatching, 2)));
        SubscriptionRecorder carolWatching = watch(carol);
        SubscriptionRecorder daveWatching = watch(dave);
        long toldToThree = Math.min(
                statementsUntilTold(alice, true, Map.of(bobWatching, 2, carolWatching, 1, daveWatching, 1)),
                statementsUntilTold(alice, false, Map.of(bobWatching, 3, carolWatching, 1, daveWatching, 1)));

        assertThat(toldToThree).isEqualTo(toldToOne);
        connection.close();
        List.of(bobWatching, carolWatching, daveWatching).forEach(SubscriptionRecorder::stop);
    }

    /** The statements from reporting {@code user} idle, or back, until each watcher has had its count of such events. */
    private long statementsUntilTold(Account user, boolean away, Map<SubscriptionRecorder, Integer> watchers)
            throws InterruptedException {
        long before = statements.count();
        setAway(user, away);
        for (Map.Entry<SubscriptionRecorder, Integer> watcher : watchers.entrySet()) {
            watcher.getKey().await(presenceOf(user, away ? "AWAY" : "ONLINE"), watcher.getValue());
        }
        return statements.count() - before;
    }

    /** Subscribes {@code viewer} to their contacts' presence, once it follows the new memberships too. */
    private SubscriptionRecorder watch(Account viewer) throws InterruptedException {
        int before = subscribers.count();
        SubscriptionRecorder recorder = SubscriptionRecorder.record(webSocket(viewer), "subscribeToPresence", Map.of());
        awaitSubscribers(before + 1);
        return recorder;
    }

    private GraphQlTester.Response setAway(Account account, boolean away) {
        return graphQl(account).documentName("setAway").variable("away", away).execute();
    }

    /** The presence of {@code user} as {@code viewer} sees it among the members of their conversations. */
    private Map<String, Object> presenceSeenBy(Account viewer, Account user) {
        List<Map> presences = graphQl(viewer)
                .documentName("membersPresence")
                .execute()
                .path("me.conversations.userConversations[*].associated[?(@.userId == '" + user.userId()
                        + "')].user.presence")
                .entityList(Map.class)
                .get();
        assertThat(presences).isNotEmpty();
        return unchecked(presences.get(0));
    }

    private void awaitPresenceSeenBy(Account viewer, Account user, String status) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!status.equals(presenceSeenBy(viewer, user).get("status")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(presenceSeenBy(viewer, user).get("status")).isEqualTo(status);
    }

    private void awaitStoredLastSeen(Account user) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (storedLastSeen(user) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(storedLastSeen(user)).isEqualTo(1);
    }

    /**
     * Waits, 30 s at most, until the server has written nothing for 6 s: longer than the offline grace,
     * so that the users of earlier tests have gone offline and their last seen is stored.
     */
    private void letEarlierWritesFinish() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long writes = statements.writes();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(6) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            if (statements.writes() != writes) {
                writes = statements.writes();
                quietSince = System.nanoTime();
            }
        }
    }

    private long storedLastSeen(Account user) {
        return jdbc.sql("select count(*) from user_presence where user_id = ? and last_seen_at is not null")
                .param(user.userId())
                .query(Long.class)
                .single();
    }

    /** An event of {@code user}'s presence with {@code status}, or with any when it is null. */
    private static Predicate<Map<String, Object>> presenceOf(Account user, String status) {
        return event -> event.get("user") instanceof Map<?, ?> of
                && user.userId().equals(of.get("id"))
                && (status == null || Objects.equals(status, event.get("status")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> unchecked(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
