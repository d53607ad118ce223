package io.chatql.typing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.live.LiveEvents;
import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import io.chatql.support.RawWebSocket;
import io.chatql.support.SubscriptionRecorder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/**
 * Members see who else is typing, the whole list each time; a typist goes when they stop, when their
 * signal runs out, and when their last connection closes.
 */
abstract class TypingIntegrationTests extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private LiveEvents events;

    @Test
    void membersSeeWhoElseIsTypingAsTheWholeList() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Account carol = signUp("carol");
        String conversationId = startConversation(alice, bob, carol);
        SubscriptionRecorder watching = watch(bob, conversationId);

        setTyping(alice, conversationId, true);
        watching.await(typists(alice));
        setTyping(carol, conversationId, true);
        watching.await(typists(alice, carol));
        setTyping(alice, conversationId, false);

        watching.await(typists(carol));
        watching.stop();
    }

    /** Within the coalescing time of the last change told, a change waits a tenth of a second at most. */
    @Test
    void changeSoonAfterAnotherIsToldWithinAFewTenthsOfASecond() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Account carol = signUp("carol");
        String conversationId = startConversation(alice, bob, carol);
        SubscriptionRecorder watching = watch(bob, conversationId);
        setTyping(alice, conversationId, true);
        watching.await(typists(alice));

        long signalledAt = System.nanoTime();
        setTyping(carol, conversationId, true);
        watching.await(typists(alice, carol));

        assertThat(Duration.ofNanos(System.nanoTime() - signalledAt)).isLessThan(Duration.ofMillis(300));
        watching.stop();
    }

    @Test
    void crowdedConversationIsToldOnceASecondAtMost() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Account carol = signUp("carol");
        String conversationId = startConversation(alice, bob, carol);
        addSilentMembers(conversationId, TypingState.NAMED_UP_TO - 2);
        SubscriptionRecorder watching = watch(bob, conversationId);

        long from = System.nanoTime();
        setTyping(alice, conversationId, true);
        watching.await(state -> Integer.valueOf(1).equals(state.get("count")));
        setTyping(carol, conversationId, true);
        watching.await(state -> Integer.valueOf(2).equals(state.get("count")));

        assertThat(Duration.ofNanos(System.nanoTime() - from)).isGreaterThanOrEqualTo(TypingBoard.CROWDED_COALESCING);
        watching.stop();
    }

    @Test
    void manySignalsInAShortTimeGiveOneEventAndFewRelayedSignals() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        SubscriptionRecorder watching = watch(bob, conversationId);
        List<TypingSignalled> relayed = new CopyOnWriteArrayList<>();
        Disposable listening = events.stream(TypingSignalled.class)
                .filter(signal -> signal.conversationId().equals(conversationId))
                .subscribe(relayed::add);

        long from = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            setTyping(alice, conversationId, true);
        }
        Duration signalling = Duration.ofNanos(System.nanoTime() - from);
        watching.await(typists(alice));
        Thread.sleep(TypingSignals.REFRESH.plus(Typing.TICK).toMillis());

        assertThat(watching.received()).hasSize(1);
        assertThat(relayed).hasSizeBetween(1, 2 + (int) signalling.dividedBy(TypingSignals.REFRESH));
        listening.dispose();
        watching.stop();
    }

    @Test
    void typistIsDroppedSixSecondsAfterTheirLastSignal() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        SubscriptionRecorder watching = watch(bob, conversationId);

        setTyping(alice, conversationId, true);
        long signalledAt = System.nanoTime();
        watching.await(typists(alice));
        watching.await(typists());

        assertThat(Duration.ofNanos(System.nanoTime() - signalledAt))
                .isGreaterThan(Duration.ofSeconds(5))
                .isLessThan(Duration.ofSeconds(8));
        watching.stop();
    }

    @Test
    void typistIsDroppedWhenTheirLastConnectionCloses() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        SubscriptionRecorder watching = watch(bob, conversationId);
        RawWebSocket connection = client().connect(alice);

        setTyping(alice, conversationId, true);
        long signalledAt = System.nanoTime();
        watching.await(typists(alice));
        connection.close();
        watching.await(typists());

        assertThat(Duration.ofNanos(System.nanoTime() - signalledAt)).isLessThan(Duration.ofSeconds(4));
        watching.stop();
    }

    @Test
    void theCallerIsLeftOut() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        SubscriptionRecorder watching = watch(bob, conversationId);

        setTyping(bob, conversationId, true)
                .path("setTyping.count")
                .entity(Integer.class)
                .isEqualTo(0);
        setTyping(alice, conversationId, true)
                .path("setTyping.users[*].id")
                .entityList(String.class)
                .containsExactly(bob.userId());

        assertThat(watching.await(typists(alice)).get("count")).isEqualTo(1);
        assertThat(watching.received()).allMatch(typists(alice));
        watching.stop();
    }

    @Test
    void conversationTellsWhoIsTypingWhenAsked() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);

        setTyping(alice, conversationId, true);

        graphQl(bob)
                .documentName("conversationTyping")
                .execute()
                .path("me.conversations.userConversations[?(@.conversationId == '" + conversationId
                        + "')].conversation.typing.users[*].id")
                .entityList(String.class)
                .containsExactly(alice.userId());
    }

    @Test
    void subscriberIsFirstToldWhoIsTypingAlready() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        setTyping(alice, conversationId, true);

        SubscriptionRecorder watching = watch(bob, conversationId);

        watching.await(typists(alice));
        watching.stop();
    }

    @Test
    void inAConversationOfMoreThanAHundredOnlyTheCountIsTold() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        addSilentMembers(conversationId, TypingState.NAMED_UP_TO - 1);
        SubscriptionRecorder watching = watch(bob, conversationId);

        setTyping(alice, conversationId, true);

        Map<String, Object> told = watching.await(state -> Integer.valueOf(1).equals(state.get("count")));
        assertThat(told.get("users")).isEqualTo(List.of());
        watching.stop();
    }

    @Test
    void nonMemberAndUnknownConversationAreNotFoundAlike() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice);

        expectError(setTyping(mallory, conversationId, true), ErrorType.NOT_FOUND);
        expectError(setTyping(mallory, "no-such-conversation", true), ErrorType.NOT_FOUND);
        expectSubscriptionRefused(mallory, List.of(conversationId), "NOT_FOUND");
        expectSubscriptionRefused(alice, List.of(conversationId, "no-such-conversation"), "NOT_FOUND");
    }

    @Test
    void invalidConversationIdsAreRefusedWithAClearError() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        List<String> tooMany = IntStream.rangeClosed(0, 100)
                .mapToObj(i -> i == 0 ? conversationId : "other-" + i)
                .toList();

        expectSubscriptionRefused(alice, tooMany, "at most 100 conversations");
        expectSubscriptionRefused(alice, List.of(), "at least one conversation");
        expectSubscriptionRefused(alice, List.of(conversationId, "bad\u0001id"), "control characters");
        expectError(setTyping(alice, "", true), ErrorType.BAD_REQUEST);
    }

    @Test
    void typingSignalsTouchNoDatabaseOnceTheMemberIsKnown() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        setTyping(alice, conversationId, true);

        assertThat(statementsOf(() -> {
                    for (int i = 0; i < 10; i++) {
                        setTyping(alice, conversationId, i % 2 == 0);
                    }
                }))
                .isZero();
    }

    private SubscriptionRecorder watch(Account member, String... conversationIds) throws InterruptedException {
        int before = subscribers.count();
        SubscriptionRecorder recorder = SubscriptionRecorder.record(
                webSocket(member), "subscribeToTyping", Map.of("conversationIds", List.of(conversationIds)));
        awaitSubscribers(before + conversationIds.length);
        return recorder;
    }

    private GraphQlTester.Response setTyping(Account member, String conversationId, boolean typing) {
        return graphQl(member)
                .documentName("setTyping")
                .variable("conversationId", conversationId)
                .variable("typing", typing)
                .execute();
    }

    private void expectSubscriptionRefused(Account caller, List<String> conversationIds, String saying) {
        WebSocketGraphQlTester socket = webSocket(caller);
        StepVerifier.create(socket.documentName("subscribeToTyping")
                        .variable("conversationIds", conversationIds)
                        .executeSubscription()
                        .toFlux())
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining(saying))
                .verify(TIMEOUT);
        socket.stop().block(TIMEOUT);
    }

    /** Makes {@code count} more members of the conversation, users who never sign in. */
    private void addSilentMembers(String conversationId, int count) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            String username = uniqueName("crowd");
            jdbc.sql(
                            "insert into chat_user (id, username, username_key, registered, created_at) values (?, ?, ?, ?, ?)")
                    .params(id, username, username.toLowerCase(), true, now)
                    .update();
            jdbc.sql("insert into user_conversation (user_id, conversation_id, joined_at) values (?, ?, ?)")
                    .params(id, conversationId, now)
                    .update();
        }
    }

    /** A state naming exactly {@code typists}, in that order. */
    private static Predicate<Map<String, Object>> typists(Account... typists) {
        List<Map<String, Object>> named = List.of(typists).stream()
                .map(typist -> Map.<String, Object>of("id", typist.userId()))
                .toList();
        return state -> named.equals(state.get("users"))
                && Integer.valueOf(typists.length).equals(state.get("count"));
    }
}
