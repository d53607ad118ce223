package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.ChatQlApplication;
import io.chatql.support.Account;
import io.chatql.support.ChatClient;
import io.chatql.support.OwnEventLoops;
import io.chatql.support.RawWebSocket;
import io.chatql.support.SubscriptionRecorder;
import io.chatql.support.TestPostgres;
import io.chatql.support.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketDisconnectedException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes sharing one PostgreSQL and one Redis act as one server: messages, tokens, the disabling of
 * accounts, presence and typing reach both.
 */
class MultiNodeIntegrationTests {

    private static final Duration TIMEOUT = ChatClient.TIMEOUT;

    private static final String ADMIN = "steward";

    private static TestRedis redis;

    private static String channel;

    private static Node nodeA;

    private static Node nodeB;

    @BeforeAll
    static void startNodes() {
        redis = TestRedis.start();
        channel = "test-" + UUID.randomUUID();
        nodeA = Node.start(channel);
        nodeB = Node.start(channel);
    }

    @AfterAll
    static void stopNodes() {
        nodeA.context().close();
        nodeB.context().close();
        redis.close();
    }

    @Test
    void messagePostedOnOneNodeReachesSubscribersOnBothInOrderOnce() throws Exception {
        Account alice = nodeA.client().signUp("alice");
        Account bob = nodeB.client().signUp("bob");
        String conversationId = nodeA.client().startConversation(alice, bob);
        Subscriber onA = nodeA.follow(alice, conversationId);
        Subscriber onB = nodeB.follow(bob, conversationId);

        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Node node = i % 2 == 0 ? nodeA : nodeB;
            sent.add(node.client().send(i % 2 == 0 ? alice : bob, conversationId, "message " + i));
        }

        onA.awaitExactly(sent);
        onB.awaitExactly(sent);
        onA.stop();
        onB.stop();
    }

    @Test
    void conversationEventsOfBothNodesReachSubscribersOnBothInOrderOnce() throws Exception {
        Account alice = nodeA.client().signUp("alice");
        Account bob = nodeB.client().signUp("bob");
        String conversationId = nodeA.client().startConversation(alice, bob);
        String first = nodeA.client().send(alice, conversationId, "first");
        Subscriber onA = nodeA.follow(alice, "subscribeToConversationEvents", conversationId);
        Subscriber onB = nodeB.follow(bob, "subscribeToConversationEvents", conversationId);

        for (int i = 0; i < 10; i++) {
            Node node = i % 2 == 0 ? nodeA : nodeB;
            Account member = i % 2 == 0 ? alice : bob;
            String reaction = i % 4 < 2 ? "addReaction" : "removeReaction";
            node.client().send(member, conversationId, "message " + i);
            node.client()
                    .react(reaction, member, conversationId, first, "\uD83D\uDC4D")
                    .path(reaction + ".id")
                    .entity(String.class)
                    .isEqualTo(first);
        }
        List<String> stored = nodeB.client()
                .graphQl(bob)
                .documentName("conversationEvents")
                .variable("conversationId", conversationId)
                .variable("first", 100)
                .execute()
                .path("conversationEvents.events[*].position")
                .entityList(String.class)
                .get();
        List<String> sinceFollowing = stored.subList(stored.size() - 20, stored.size());

        onA.awaitExactly(sinceFollowing);
        onB.awaitExactly(sinceFollowing);
        onA.stop();
        onB.stop();
    }

    @Test
    void tokenIssuedByOneNodeIsAcceptedByTheOther() {
        Account alice = nodeA.client().signUp("alice");

        nodeB.client()
                .graphQl(alice)
                .documentName("getMe")
                .execute()
                .path("me.id")
                .entity(String.class)
                .isEqualTo(alice.userId());
    }

    @Test
    void accountDisabledOnOneNodeIsClosedAndRefusedOnTheOtherAtOnce() throws Exception {
        Account admin = nodeA.client().signUpOnce(ADMIN);
        Account bob = nodeB.client().signUp("bob");
        awaitStatus(nodeB, bob, 200);
        try (RawWebSocket socket =
                RawWebSocket.connect(nodeB.client().webSocketUri(), new HttpHeaders(), "graphql-transport-ws")) {
            socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + bob.accessToken() + "\"}}");
            socket.awaitContaining("connection_ack");

            nodeA.client().disableUser(admin, bob.userId());

            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4403);
        }
        awaitStatus(nodeB, bob, 401);

        nodeA.client().enableUser(admin, bob.userId());

        awaitStatus(nodeB, bob, 200);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void redisRestartKillsNoNodeAndLosesNoMessage(CapturedOutput output) throws Exception {
        Account alice = nodeA.client().signUp("alice");
        Account bob = nodeB.client().signUp("bob");
        String conversationId = nodeA.client().startConversation(alice, bob);
        Subscriber onB = nodeB.follow(bob, conversationId);
        List<String> sent = new ArrayList<>();
        sent.add(nodeA.client().send(alice, conversationId, "before the restart"));
        expectHealth(nodeA, "readiness", 200, "UP");

        redis.stop();
        sent.add(nodeA.client().send(alice, conversationId, "while Redis is down"));
        sent.add(nodeA.client().send(alice, conversationId, "still down"));
        expectHealth(nodeA, "readiness", 503, "DOWN");
        expectHealth(nodeA, "liveness", 200, null);
        redis.restart();
        awaitRelaying(alice, bob, conversationId, sent);

        onB.awaitExactly(sent);
        onB.stop();
        expectHealth(nodeA, "readiness", 200, "UP");
        // Once per node at most: both send presence heartbeats while Redis is down.
        assertThat(output.getOut().split("Could not relay", -1)).hasSizeBetween(2, 3);
    }

    @Test
    void userConnectedToOneNodeIsOnlineForWatchersOnTheOther() throws Exception {
        Account alice = nodeA.client().signUp("alice");
        Account bob = nodeB.client().signUp("bob");
        nodeA.client().startConversation(alice, bob);
        SubscriptionRecorder watching = nodeB.watchPresence(bob);

        RawWebSocket connection = nodeA.client().connect(alice);
        watching.await(presenceOf(alice, "ONLINE"));
        connection.close();

        watching.await(presenceOf(alice, "OFFLINE"));
        watching.stop();
    }

    @Test
    void typingOnOneNodeReachesMembersOnTheOtherAndEndsWithTheConnection() throws Exception {
        Account alice = nodeA.client().signUp("alice");
        Account bob = nodeB.client().signUp("bob");
        String conversationId = nodeA.client().startConversation(alice, bob);
        SubscriptionRecorder watching = nodeB.watchTyping(bob, conversationId);
        RawWebSocket connection = nodeA.client().connect(alice);

        setTyping(nodeA, alice, conversationId);
        watching.await(typists(alice));
        long closedAt = System.nanoTime();
        connection.close();

        watching.await(typists());
        assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isLessThan(Duration.ofSeconds(4));
        watching.stop();
    }

    /**
     * A node that stops gracefully says that it departs, before its connections close and its relay
     * with them: its users' connections are closed for the others at once, well before the node timeout
     * of 15 s, and each user is offline after the offline grace of 5 s.
     */
    @Test
    void usersOfANodeThatStopsAreOfflineForTheOthersAfterTheirGraceOnly() throws Exception {
        Node stopping = Node.start(channel, OwnEventLoops.class);
        Account alice = stopping.client().signUp("alice");
        Account bob = nodeA.client().signUp("bob");
        nodeA.client().startConversation(alice, bob);
        SubscriptionRecorder watching = nodeA.watchPresence(bob);
        RawWebSocket connection = stopping.client().connect(alice);
        watching.await(presenceOf(alice, "ONLINE"));

        long stoppedFrom = System.nanoTime();
        stopping.context().close();

        watching.await(presenceOf(alice, "OFFLINE"));
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedFrom))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(5))
                .isLessThan(Duration.ofSeconds(15));
        connection.close();
        watching.stop();
    }

    /**
     * A node that dies says nothing: it stops its heartbeats. Here a node that never was, but speaks the
     * nodes' wire format over Redis, holds alice's connection, sends her typing signal, then falls silent.
     */
    @Test
    void usersAndTypistsOfADeadNodeAreGoneForTheOthersWithinThirtySeconds() throws Exception {
        Account alice = nodeA.client().signUp("alice");
        Account bob = nodeB.client().signUp("bob");
        String conversationId = nodeA.client().startConversation(alice, bob);
        SubscriptionRecorder presenceOnA = nodeA.watchPresence(bob);
        SubscriptionRecorder presenceOnB = nodeB.watchPresence(bob);
        SubscriptionRecorder typingOnB = nodeB.watchTyping(bob, conversationId);
        String deadNode = "dead-" + UUID.randomUUID();

        relayAsNode(
                deadNode,
                "presence.node-heartbeat",
                Map.of("node", deadNode, "connected", List.of(alice.userId()), "away", List.of()));
        relayAsNode(
                deadNode,
                "typing.signalled",
                Map.of(
                        "conversationId",
                        conversationId,
                        "typist",
                        Map.of("id", alice.userId(), "username", alice.username(), "registered", true),
                        "typing",
                        true,
                        "crowded",
                        false));
        presenceOnA.await(presenceOf(alice, "ONLINE"));
        presenceOnB.await(presenceOf(alice, "ONLINE"));
        typingOnB.await(typists(alice));
        long silentFrom = System.nanoTime();

        typingOnB.await(typists());
        presenceOnA.await(presenceOf(alice, "OFFLINE"));
        presenceOnB.await(presenceOf(alice, "OFFLINE"));
        assertThat(Duration.ofNanos(System.nanoTime() - silentFrom)).isLessThan(Duration.ofSeconds(30));
        presenceOnA.stop();
        presenceOnB.stop();
        typingOnB.stop();
    }

    /** Publishes an event on the nodes' Redis channel as the node {@code origin} would relay it. */
    private static void relayAsNode(String origin, String name, Map<String, Object> event) {
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection
                    .sync()
                    .publish(
                            channel,
                            JsonMapper.shared()
                                    .writeValueAsString(Map.of("origin", origin, "name", name, "event", event)));
        } finally {
            client.shutdown();
        }
    }

    private static void setTyping(Node node, Account member, String conversationId) {
        node.client()
                .graphQl(member)
                .documentName("setTyping")
                .variable("conversationId", conversationId)
                .variable("typing", true)
                .execute()
                .path("setTyping.conversationId")
                .entity(String.class)
                .isEqualTo(conversationId);
    }

    /** An event of {@code user}'s presence with {@code status}. */
    private static Predicate<Map<String, Object>> presenceOf(Account user, String status) {
        return event -> event.get("user") instanceof Map<?, ?> of
                && user.userId().equals(of.get("id"))
                && status.equals(event.get("status"));
    }

    /** A typing state naming exactly {@code typists}. */
    private static Predicate<Map<String, Object>> typists(Account... typists) {
        List<Map<String, Object>> named = List.of(typists).stream()
                .map(typist -> Map.<String, Object>of("id", typist.userId()))
                .toList();
        return state -> named.equals(state.get("users"));
    }

    /**
     * Waits until {@code node} answers a request with {@code account}'s access token with {@code status},
     * well before it would read the account's state from the database again.
     */
    private static void awaitStatus(Node node, Account account, int status) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int answered;
        do {
            answered = node.client()
                    .http()
                    .post()
                    .uri("/graphql")
                    .header("Authorization", "Bearer " + account.accessToken())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"query\":\"{ me { id } }\"}")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            if (answered != status) {
                Thread.sleep(50);
            }
        } while (answered != status && System.nanoTime() < deadline);
        assertThat(answered).isEqualTo(status);
    }

    @Test
    void countsChangedOnOneNodeReachTheReadersDeviceOnTheOther() throws Exception {
        Account alice = nodeA.client().signUp("alice");
        Account bob = nodeA.client().signUp("bob");
        String conversationId = nodeA.client().startConversation(alice, bob);
        List<Map<String, Object>> changes = new CopyOnWriteArrayList<>();
        WebSocketGraphQlTester deviceOnB = nodeB.client().webSocket(bob);
        deviceOnB
                .documentName("subscribeToUnreadChanges")
                .executeSubscription()
                .toFlux("subscribeToUnreadChanges", Map.class)
                .onErrorComplete(WebSocketDisconnectedException.class)
                .subscribe(change -> changes.add((Map<String, Object>) change));
        String latest = null;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (changes.isEmpty() && System.nanoTime() < deadline) {
            latest = nodeA.client().send(alice, conversationId, "are you there?");
            Thread.sleep(200);
        }
        assertThat(changes).isNotEmpty();

        nodeA.client()
                .graphQl(bob)
                .documentName("markRead")
                .variable("conversationId", conversationId)
                .variable("messageId", latest)
                .execute()
                .path("markRead.unreadCount")
                .entity(Integer.class)
                .isEqualTo(0);

        deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Objects.equals(changes.get(changes.size() - 1).get("lastReadMessageId"), latest)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(changes.get(changes.size() - 1))
                .containsEntry("lastReadMessageId", latest)
                .containsEntry("unreadCount", 0);
        deviceOnB.stop().block(TIMEOUT);
    }

    /** The node's health {@code group} answers {@code status}, with Redis as {@code redisStatus}. */
    private static void expectHealth(Node node, String group, int status, @Nullable String redisStatus) {
        var body = node.client()
                .http()
                .get()
                .uri("/actuator/health/" + group)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody();
        if (redisStatus != null) {
            body.jsonPath("$.components.redis.status").isEqualTo(redisStatus);
        }
    }

    /** Sends from A until B relays again; the first message B gets after the restart fills the gap. */
    private static void awaitRelaying(Account alice, Account bob, String conversationId, List<String> sent)
            throws InterruptedException {
        Subscriber probe = nodeB.follow(bob, conversationId);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (probe.received().isEmpty() && System.nanoTime() < deadline) {
            sent.add(nodeA.client().send(alice, conversationId, "after the restart"));
            Thread.sleep(200);
        }
        probe.stop();
    }

    private record Node(ConfigurableApplicationContext context, ChatClient client) {

        static Node start(String channel, Class<?>... sources) {
            TestPostgres.Server postgres = TestPostgres.server();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ChatQlApplication.class)
                    .sources(sources)
                    .run(
                            "--server.port=0",
                            "--server.address=127.0.0.1",
                            "--spring.lifecycle.timeout-per-shutdown-phase=2s",
                            "--spring.datasource.url=" + postgres.url(),
                            "--spring.datasource.username=" + postgres.username(),
                            "--spring.datasource.password=" + postgres.password(),
                            "--spring.data.redis.url=" + redis.url(),
                            "--chatql.realtime.redis-channel=" + channel,
                            "--chatql.auth.admin-username=" + ADMIN);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            return new Node(context, new ChatClient(port));
        }

        /** Subscribes {@code viewer} to the presence of their contacts, once it listens. */
        SubscriptionRecorder watchPresence(Account viewer) throws InterruptedException {
            return record(viewer, "subscribeToPresence", Map.of(), 1);
        }

        /** Subscribes {@code member} to who is typing in the conversation, once it listens. */
        SubscriptionRecorder watchTyping(Account member, String conversationId) throws InterruptedException {
            return record(member, "subscribeToTyping", Map.of("conversationIds", List.of(conversationId)), 1);
        }

        private SubscriptionRecorder record(
                Account account, String subscription, Map<String, Object> variables, int listeners)
                throws InterruptedException {
            Subscribers events = context.getBean(Subscribers.class);
            int before = events.count();
            SubscriptionRecorder recorder =
                    SubscriptionRecorder.record(client.webSocket(account), subscription, variables);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (events.count() < before + listeners && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return recorder;
        }

        Subscriber follow(Account account, String conversationId) throws InterruptedException {
            return follow(account, "subscribeToNewMessage", conversationId);
        }

        /**
         * Follows the conversation with the subscription of that name, whose document selects the
         * {@code id} of a new message or the {@code position} of a conversation event.
         */
        Subscriber follow(Account account, String subscription, String conversationId) throws InterruptedException {
            Subscribers events = context.getBean(Subscribers.class);
            int before = events.count();
            WebSocketGraphQlTester socket = client.webSocket(account);
            List<String> received = new CopyOnWriteArrayList<>();
            String field = subscription.equals("subscribeToNewMessage") ? ".id" : ".position";
            socket.documentName(subscription)
                    .variable("conversationId", conversationId)
                    .executeSubscription()
                    .toFlux(subscription + field, String.class)
                    .onErrorComplete(WebSocketDisconnectedException.class)
                    .subscribe(received::add);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (events.count() <= before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return new Subscriber(socket, received);
        }
    }

    private record Subscriber(WebSocketGraphQlTester socket, List<String> received) {

        /** Waits until as many messages as expected arrived, then checks they are exactly those. */
        void awaitExactly(List<String> expected) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (received.size() < expected.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
            assertThat(received).containsExactlyElementsOf(expected);
        }

        void stop() {
            socket.stop().block(TIMEOUT);
        }
    }
}
