package io.chatql.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

/**
 * A conversation's timeline: every change of the conversation is one event, numbered without a hole,
 * and a subscriber resumes it from any position, missing and repeating nothing.
 */
@SuppressWarnings("unchecked")
abstract class TimelineIntegrationTests extends IntegrationTest {

    private static final String THUMBS_UP = "\uD83D\uDC4D";

    private Account alice;

    private Account bob;

    private String conversationId;

    @BeforeEach
    void startConversation() {
        alice = signUp("alice");
        bob = signUp("bob");
        conversationId = startConversation(alice, bob);
    }

    @Test
    void everyChangeOfAConversationIsAnEventInTheOrderItHappened() throws Exception {
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(bob);
        CompletableFuture<List<Map<String, Object>>> received = follow(socket, null, 6);
        awaitSubscribers(subscribersBefore + 1);

        String id = send(alice, conversationId, "helo");
        edit(alice, id, "hello");
        react(bob, id, "addReaction");
        react(bob, id, "removeReaction");
        delete(alice, id);
        Account carol = signUp("carol");
        addMember(alice, carol);

        List<Map<String, Object>> events = received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(events)
                .extracting(event -> event.get("kind"))
                .containsExactly(
                        "MESSAGE_CREATED",
                        "MESSAGE_EDITED",
                        "REACTIONS_CHANGED",
                        "REACTIONS_CHANGED",
                        "MESSAGE_DELETED",
                        "MEMBER_ADDED");
        assertThat(events)
                .extracting(event -> ((Map<String, Object>) event.get("user")).get("id"))
                .containsExactly(
                        alice.userId(), alice.userId(), bob.userId(), bob.userId(), alice.userId(), carol.userId());
        assertThat(positions(events))
                .containsExactlyElementsOf(consecutive(positions(events).get(0), 6));
        // Live, each event shows its message as it was then; an event the subscription read from the
        // store, as it does when it starts while the message is changing, shows it as it is now.
        assertThat(events.subList(0, 5))
                .allSatisfy(event -> assertThat(message(event)).containsEntry("id", id));
        assertThat(message(events.get(1))).containsEntry("content", "hello");
        assertThat(message(events.get(2))).containsEntry("reactions", List.of(Map.of("emoji", THUMBS_UP, "count", 1)));
        assertThat(message(events.get(3))).containsEntry("reactions", List.of());
        assertThat(message(events.get(4))).containsEntry("deleted", true).containsEntry("content", "");
        assertThat(events.get(5).get("message")).isNull();
        assertThat(events).allSatisfy(event -> assertThat(event).containsEntry("conversationId", conversationId));
        socket.stop().block(TIMEOUT);
    }

    @Test
    void aSubscriberBackFromOfflineLearnsExactlyWhatChangedWhileItWasAway() throws Exception {
        String kept = send(alice, conversationId, "kept");
        String removed = send(alice, conversationId, "removed");
        String seen = lastPosition();

        String added = send(bob, conversationId, "while you were away");
        edit(alice, kept, "kept, edited");
        react(bob, kept, "addReaction");
        delete(alice, removed);
        react(bob, kept, "addReaction");
        edit(alice, kept, "kept, edited");

        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(alice);
        CompletableFuture<List<Map<String, Object>>> received = follow(socket, seen, 5);
        awaitSubscribers(subscribersBefore + 1);
        send(alice, conversationId, "back online");

        List<Map<String, Object>> events = received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(events)
                .extracting(event -> event.get("kind"))
                .containsExactly(
                        "MESSAGE_CREATED", "MESSAGE_EDITED", "REACTIONS_CHANGED", "MESSAGE_DELETED", "MESSAGE_CREATED");
        assertThat(positions(events)).containsExactlyElementsOf(consecutive(Long.parseLong(seen) + 1, 5));
        assertThat(message(events.get(0))).containsEntry("id", added);
        assertThat(message(events.get(1)))
                .containsEntry("id", kept)
                .containsEntry("content", "kept, edited")
                .containsEntry("reactions", List.of(Map.of("emoji", THUMBS_UP, "count", 1)));
        assertThat(message(events.get(3))).containsEntry("id", removed).containsEntry("deleted", true);
        assertThat(message(events.get(4))).containsEntry("content", "back online");
        socket.stop().block(TIMEOUT);
    }

    @Test
    void aClientShowingAPageOfMessagesResumesAfterTheNewestOneAndMissesNoChange() throws Exception {
        String first = send(alice, conversationId, "first");
        react(bob, first, "addReaction");
        String newest = send(bob, conversationId, "newest");
        List<Map<String, Object>> shown = graphQl(alice)
                .documentName("newestPositions")
                .variable("conversationId", conversationId)
                .execute()
                .path("allMessageConnection.messages")
                .entityList(Map.class)
                .get()
                .stream()
                .map(message -> (Map<String, Object>) message)
                .toList();
        assertThat(shown).extracting(message -> message.get("id")).containsExactly(newest, first);
        String resumeAfter = (String) shown.get(0).get("timelinePosition");
        assertThat(resumeAfter).isEqualTo(lastPosition());

        edit(alice, first, "first, edited");
        WebSocketGraphQlTester socket = webSocket(alice);
        List<Map<String, Object>> events = follow(socket, resumeAfter, 1).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        assertThat(events).extracting(event -> event.get("kind")).containsExactly("MESSAGE_EDITED");
        assertThat(message(events.get(0))).containsEntry("content", "first, edited");
        assertThat((String) shown.get(1).get("timelinePosition"))
                .isEqualTo(String.valueOf(Long.parseLong(resumeAfter) - 2));
        socket.stop().block(TIMEOUT);
    }

    @Test
    void concurrentChangesReachASubscriberInTheirStoredOrderWithoutGaps() throws Exception {
        String target = send(alice, conversationId, "target");
        String seen = lastPosition();
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(alice);
        List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
        socket.documentName("subscribeToConversationEvents")
                .variable("conversationId", conversationId)
                .executeSubscription()
                .toFlux("subscribeToConversationEvents", Map.class)
                .subscribe(event -> received.add((Map<String, Object>) event));
        awaitSubscribers(subscribersBefore + 1);

        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writing = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                Account writer = thread % 2 == 0 ? alice : bob;
                int t = thread;
                writing.add(writers.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        if (i % 2 == 0) {
                            send(writer, conversationId, "thread " + t + " message " + i);
                        } else {
                            react(writer, target, i % 4 == 1 ? "addReaction" : "removeReaction");
                        }
                    }
                }));
            }
            for (Future<?> done : writing) {
                done.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            List<Long> stored = positions(page(seen, 100).events());
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (received.size() < stored.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(200);

            assertThat(stored).containsExactlyElementsOf(consecutive(Long.parseLong(seen) + 1, stored.size()));
            assertThat(stored.size()).isGreaterThanOrEqualTo(20);
            assertThat(positions(received)).containsExactlyElementsOf(stored);
        } finally {
            writers.shutdownNow();
            socket.stop().block(TIMEOUT);
        }
    }

    @Test
    void whatChangesNothingIsNoEvent() {
        String id = send(alice, conversationId, "once");
        react(bob, id, "addReaction");
        delete(alice, id);
        String seen = lastPosition();

        react(bob, id, "removeReaction");
        delete(alice, id);
        edit(bob, id, "not bob's");

        assertThat(lastPosition()).isEqualTo(seen);
    }

    @Test
    void theTimelineIsReadInPagesFromItsBeginning() {
        for (int i = 0; i < 5; i++) {
            send(alice, conversationId, "message " + i);
        }

        EventPage first = page(null, 3);
        EventPage rest = page(first.position(), 100);

        assertThat(first.hasMore()).isTrue();
        assertThat(rest.hasMore()).isFalse();
        List<Long> all = new ArrayList<>(positions(first.events()));
        all.addAll(positions(rest.events()));
        assertThat(all).containsExactlyElementsOf(consecutive(1, all.size()));
        assertThat(rest.position()).isEqualTo(lastPosition());
        assertThat(page(rest.position(), 10).events()).isEmpty();
    }

    @Test
    void pagesOfAnySizeReadTheSameTimelineOfMessagesAndOtherEvents() {
        String first = send(alice, conversationId, "first");
        react(bob, first, "addReaction");
        String second = send(bob, conversationId, "second");
        edit(bob, second, "second, edited");
        send(alice, conversationId, "third");
        delete(alice, first);
        addMember(alice, signUp("carol"));
        send(alice, conversationId, "fourth");
        List<String> whole = kindsAndPositions(page(null, 100).events());

        for (int size = 1; size <= 4; size++) {
            List<String> paged = new ArrayList<>();
            String position = null;
            EventPage page;
            do {
                page = page(position, size);
                paged.addAll(kindsAndPositions(page.events()));
                position = page.position();
            } while (page.hasMore());
            assertThat(paged).as("read %d at a time", size).containsExactlyElementsOf(whole);
        }
        assertThat(positions(page(null, 100).events())).containsExactlyElementsOf(consecutive(1, whole.size()));
    }

    @Test
    void onlyMembersFollowATimelineFromOneOfItsPositions() {
        Account stranger = signUp("stranger");
        String last = lastPosition();

        for (String after : List.of("abc", "-1", "1.5", String.valueOf(Long.parseLong(last) + 1))) {
            graphQl(alice)
                    .documentName("conversationEvents")
                    .variable("conversationId", conversationId)
                    .variable("after", after)
                    .execute()
                    .errors()
                    .expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString()))
                    .verify();
        }
        graphQl(stranger)
                .documentName("conversationEvents")
                .variable("conversationId", conversationId)
                .execute()
                .errors()
                .expect(error -> "NOT_FOUND".equals(error.getErrorType().toString()))
                .verify();
        WebSocketGraphQlTester socket = webSocket(stranger);
        assertThat(follow(socket, null, 1))
                .failsWithin(TIMEOUT)
                .withThrowableThat()
                .withMessageContaining("NOT_FOUND");
        socket.stop().block(TIMEOUT);
    }

    private CompletableFuture<List<Map<String, Object>>> follow(
            WebSocketGraphQlTester socket, @Nullable String after, int count) {
        return socket.documentName("subscribeToConversationEvents")
                .variable("conversationId", conversationId)
                .variable("after", after)
                .executeSubscription()
                .toFlux("subscribeToConversationEvents", Map.class)
                .map(event -> (Map<String, Object>) event)
                .take(count)
                .collectList()
                .toFuture();
    }

    private String lastPosition() {
        String position = null;
        EventPage page;
        do {
            page = page(position, 100);
            position = page.position();
        } while (page.hasMore());
        return position;
    }

    private EventPage page(@Nullable String after, int first) {
        GraphQlTester.Response response = graphQl(alice)
                .documentName("conversationEvents")
                .variable("conversationId", conversationId)
                .variable("after", after)
                .variable("first", first)
                .execute();
        List<Map<String, Object>> events =
                response.path("conversationEvents.events").entityList(Map.class).get().stream()
                        .map(event -> (Map<String, Object>) event)
                        .toList();
        return new EventPage(
                events,
                response.path("conversationEvents.position")
                        .entity(String.class)
                        .get(),
                response.path("conversationEvents.hasMore")
                        .entity(Boolean.class)
                        .get());
    }

    private void edit(Account caller, String id, String content) {
        client().editMessage(caller, conversationId, id, content);
    }

    private void delete(Account caller, String id) {
        client().deleteMessage(caller, conversationId, id)
                .path("deleteMessage.deleted")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    private void react(Account member, String messageId, String mutation) {
        client().react(mutation, member, conversationId, messageId, THUMBS_UP)
                .path(mutation + ".id")
                .entity(String.class)
                .isEqualTo(messageId);
    }

    private void addMember(Account caller, Account member) {
        graphQl(caller)
                .documentName("createUserConversations")
                .variable("conversationId", conversationId)
                .variable("userId", member.userId())
                .execute()
                .path("createUserConversations.userId")
                .entity(String.class)
                .isEqualTo(member.userId());
    }

    private static Map<String, Object> message(Map<String, Object> event) {
        return (Map<String, Object>) event.get("message");
    }

    private static List<String> kindsAndPositions(List<Map<String, Object>> events) {
        return events.stream()
                .map(event -> event.get("position") + " " + event.get("kind"))
                .toList();
    }

    private static List<Long> positions(List<Map<String, Object>> events) {
        return events.stream()
                .map(event -> Long.parseLong((String) event.get("position")))
                .toList();
    }

    private static List<Long> consecutive(long first, int count) {
        return LongStream.range(first, first + count).boxed().toList();
    }

    private record EventPage(List<Map<String, Object>> events, String position, boolean hasMore) {}
}
