package io.chatql.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

/** Subscriptions deliver in order, each once, with no gap, and resume after a given point. */
abstract class ResumeIntegrationTests extends IntegrationTest {

    @Test
    void resumingAfterAMessageDeliversEverythingSinceThenLive() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(send(alice, conversationId, "before " + i));
        }
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(alice);

        CompletableFuture<List<String>> received = follow(socket, conversationId, sent.get(1), 5);
        awaitSubscribers(subscribersBefore + 1);
        sent.add(send(alice, conversationId, "live 1"));
        sent.add(send(alice, conversationId, "live 2"));

        assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactlyElementsOf(sent.subList(2, 7));
        socket.stop().block(TIMEOUT);
    }

    @Test
    void resumingWhileMessagesArriveMissesAndRepeatsNothing() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        String first = send(alice, conversationId, "first");
        ExecutorService senders = Executors.newSingleThreadExecutor();
        WebSocketGraphQlTester socket = webSocket(alice);
        try {
            Future<?> sending = senders.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    send(alice, conversationId, "arriving " + i);
                }
            });
            CompletableFuture<List<String>> received = follow(socket, conversationId, first, 30);
            sending.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .containsExactlyElementsOf(storedAfter(alice, conversationId, first));
        } finally {
            senders.shutdownNow();
            socket.stop().block(TIMEOUT);
        }
    }

    @Test
    void concurrentSendersAreDeliveredInStoredOrderWithoutGaps() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        String first = send(alice, conversationId, "first");
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(alice);
        CompletableFuture<List<String>> received = follow(socket, conversationId, null, 40);
        awaitSubscribers(subscribersBefore + 1);

        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sending = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                Account sender = thread % 2 == 0 ? alice : bob;
                int t = thread;
                sending.add(senders.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        send(sender, conversationId, "thread " + t + " message " + i);
                    }
                }));
            }
            for (Future<?> done : sending) {
                done.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }

            assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .containsExactlyElementsOf(storedAfter(alice, conversationId, first));
        } finally {
            senders.shutdownNow();
            socket.stop().block(TIMEOUT);
        }
    }

    @Test
    void resumingFromTheEmptyIdDeliversTheWholeConversationThenLive() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        List<String> sent = new ArrayList<>();
        sent.add(send(alice, conversationId, "posted after the subscriber saw no message"));
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(alice);

        CompletableFuture<List<String>> received = follow(socket, conversationId, "", 2);
        awaitSubscribers(subscribersBefore + 1);
        sent.add(send(alice, conversationId, "live"));

        assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactlyElementsOf(sent);
        socket.stop().block(TIMEOUT);
    }

    @Test
    void resumingUnknownMessageIsRefused() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        WebSocketGraphQlTester socket = webSocket(alice);

        assertThat(follow(socket, conversationId, "no-such-message", 1))
                .failsWithin(TIMEOUT)
                .withThrowableThat()
                .withMessageContaining("BAD_REQUEST");
        socket.stop().block(TIMEOUT);
    }

    @Test
    void resumingMembershipsDeliversEveryLaterOneThenLive() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String known = startConversation(bob, alice);
        String missedOne = startConversation(bob, alice);
        String missedTwo = startConversation(alice);
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(alice);

        CompletableFuture<List<String>> received = followMemberships(socket, alice, known, 3);
        awaitSubscribers(subscribersBefore + 1);
        String live = startConversation(bob, alice);

        assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactly(missedOne, missedTwo, live);
        socket.stop().block(TIMEOUT);
    }

    @Test
    void resumingMembershipsFromTheEmptyIdDeliversEveryOneThenLive() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String missed = startConversation(bob, alice);
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(alice);

        CompletableFuture<List<String>> received = followMemberships(socket, alice, "", 2);
        awaitSubscribers(subscribersBefore + 1);
        String live = startConversation(bob, alice);

        assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactly(missed, live);
        socket.stop().block(TIMEOUT);
    }

    private CompletableFuture<List<String>> follow(
            WebSocketGraphQlTester socket, String conversationId, String after, int count) {
        return socket.documentName("resumeNewMessages")
                .variable("conversationId", conversationId)
                .variable("after", after)
                .executeSubscription()
                .toFlux("subscribeToNewMessage.id", String.class)
                .take(count)
                .collectList()
                .toFuture();
    }

    private CompletableFuture<List<String>> followMemberships(
            WebSocketGraphQlTester socket, Account user, String after, int count) {
        return socket.documentName("resumeNewUCs")
                .variable("userId", user.userId())
                .variable("after", after)
                .executeSubscription()
                .toFlux("subscribeToNewUCs.conversationId", String.class)
                .take(count)
                .collectList()
                .toFuture();
    }

    /** The ids of the messages stored after {@code afterId}, oldest first. */
    private List<String> storedAfter(Account caller, String conversationId, String afterId) {
        List<String> newestFirst = graphQl(caller)
                .documentName("getConversationMessages")
                .variable("conversationId", conversationId)
                .variable("first", 100)
                .execute()
                .path("allMessageConnection.messages[*].id")
                .entityList(String.class)
                .get();
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst.subList(oldestFirst.indexOf(afterId) + 1, oldestFirst.size());
    }
}
