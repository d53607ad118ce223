package io.chatql.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import io.chatql.support.SubscriptionRecorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.test.StepVerifier;

/**
 * Each member's read marker only moves forward, and their unread messages and mentions are counted
 * exactly from it, live on every device; members who send read receipts see each other's.
 */
abstract class ReadingIntegrationTests extends IntegrationTest {

    @Autowired
    private UnreadWatch watch;

    private Account alice;

    private Account bob;

    private String conversationId;

    @BeforeEach
    void conversationOfAliceAndBob() {
        alice = signUp("alice");
        bob = signUp("bob");
        conversationId = startConversation(alice, bob);
    }

    @Test
    void othersMessagesAfterTheMarkerAreUnread() {
        send(alice, conversationId, "one");
        send(alice, conversationId, "two");
        send(bob, conversationId, "mine are never unread");

        assertThat(listed(bob)).containsEntry("unreadCount", 2).containsEntry("lastReadMessageId", null);
        assertThat(listed(alice)).containsEntry("unreadCount", 1);
        assertThat(total(bob)).containsExactly(2, 0, 1);
    }

    @Test
    void markerMovesForwardOnly() {
        String first = send(alice, conversationId, "one");
        String second = send(alice, conversationId, "two");
        send(alice, conversationId, "three");

        markRead(bob, second).path("markRead.unreadCount").entity(Integer.class).isEqualTo(1);
        markRead(bob, first)
                .path("markRead.lastReadMessageId")
                .entity(String.class)
                .isEqualTo(second);

        assertThat(listed(bob)).containsEntry("unreadCount", 1).containsEntry("lastReadMessageId", second);
    }

    @Test
    void deletedMessagesAreNoLongerUnread() {
        send(alice, conversationId, "stays");
        String regretted = send(alice, conversationId, "regretted");

        client().deleteMessage(alice, conversationId, regretted)
                .path("deleteMessage.deleted")
                .hasValue();

        assertThat(listed(bob)).containsEntry("unreadCount", 1);
    }

    @Test
    void unreadMentionsAreCountedAsTheyAreNow() {
        String mention = send(alice, conversationId, "@" + bob.username() + " look");
        send(alice, conversationId, "@" + alice.username() + " names no one else");

        assertThat(listed(bob)).containsEntry("mentionCount", 1);
        assertThat(listed(alice)).containsEntry("mentionCount", 0);

        client().editMessage(alice, conversationId, mention, "never mind")
                .path("editMessage.id")
                .hasValue();
        assertThat(listed(bob)).containsEntry("mentionCount", 0).containsEntry("unreadCount", 2);
    }

    @Test
    void memberAddedLaterStartsWithTheHistoryRead() {
        send(alice, conversationId, "before carol");
        Account carol = signUp("carol");
        graphQl(alice)
                .documentName("createUserConversations")
                .variable("conversationId", conversationId)
                .variable("userId", carol.userId())
                .execute()
                .path("createUserConversations.userId")
                .hasValue();

        assertThat(listed(carol)).containsEntry("unreadCount", 0);
        send(alice, conversationId, "after carol");
        assertThat(listed(carol)).containsEntry("unreadCount", 1);
    }

    @Test
    void conversationListShowsTheLatestActivityFirstWithItsLastMessage() {
        String quiet = startConversation(bob, alice);
        send(alice, conversationId, "the latest");

        List<Map<String, Object>> first =
                page(bob, null).path("conversationList.conversations[*]").entityList(Map.class).get().stream()
                        .map(conversation -> (Map<String, Object>) conversation)
                        .toList();
        assertThat(first).extracting(conversation -> conversation.get("id")).containsExactly(conversationId);
        assertThat((Map<String, Object>) first.get(0).get("lastMessage"))
                .containsEntry("content", "the latest")
                .containsEntry("author", Map.of("username", alice.username()));

        String next = page(bob, null)
                .path("conversationList.nextToken")
                .entity(String.class)
                .get();
        page(bob, next)
                .path("conversationList.conversations[*].id")
                .entityList(String.class)
                .containsExactly(quiet);
        page(bob, next).path("conversationList.nextToken").valueIsNull();
    }

    @Test
    void mutedConversationsStayOutOfTheTotal() {
        send(alice, conversationId, "muted away");
        mute(bob);

        assertThat(listed(bob)).containsEntry("unreadCount", 1);
        assertThat(total(bob)).containsExactly(0, 0, 0);
    }

    @Test
    void membersWhoSendReadReceiptsSeeWhoReadTheirMessages() {
        String hello = send(alice, conversationId, "hello");
        assertThat(seenBy(alice, hello)).containsEntry("count", 0);

        markRead(bob, hello);

        assertThat(seenBy(alice, hello))
                .containsEntry("count", 1)
                .containsEntry("users", List.of(Map.of("id", bob.userId(), "username", bob.username())));
    }

    @Test
    void withoutReadReceiptsNoOneSeesOrIsSeen() {
        String hello = send(alice, conversationId, "hello");
        setReadReceipts(bob, false)
                .path("setReadReceipts.readReceipts")
                .entity(Boolean.class)
                .isEqualTo(false);
        markRead(bob, hello);
        String answer = send(bob, conversationId, "answer");
        markRead(alice, answer);

        assertThat(seenBy(alice, hello)).containsEntry("count", 0);
        assertThat(seenBy(bob, answer)).containsEntry("count", 0);

        setReadReceipts(bob, true);
        assertThat(seenBy(alice, hello)).containsEntry("count", 1);
        assertThat(seenBy(bob, answer)).containsEntry("count", 1);
    }

    @Test
    void nonMembersAndUnknownMessagesAreNotFound() {
        Account mallory = signUp("mallory");
        String hello = send(alice, conversationId, "hello");

        expectError(markRead(mallory, hello), ErrorType.NOT_FOUND);
        expectError(
                graphQl(bob)
                        .documentName("markRead")
                        .variable("conversationId", conversationId)
                        .variable("messageId", "no-such-message")
                        .execute(),
                ErrorType.NOT_FOUND);
        expectError(
                graphQl(bob)
                        .documentName("markRead")
                        .variable("conversationId", "no-such-conversation")
                        .variable("messageId", hello)
                        .execute(),
                ErrorType.NOT_FOUND);
        page(mallory, null)
                .path("conversationList.conversations")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void countsChangeLiveOnEveryDeviceOfTheReader() throws InterruptedException {
        SubscriptionRecorder changes = followCounts(bob);
        String mention = send(alice, conversationId, "@" + bob.username() + " one");
        send(alice, conversationId, "two");
        assertThat(changes.await(unreadCount(2)))
                .containsEntry("mentionCount", 1)
                .containsEntry("total", Map.of("unreadCount", 2, "mentionCount", 1, "conversationCount", 1));

        markRead(bob, mention);
        assertThat(changes.await(readUpTo(mention)))
                .containsEntry("unreadCount", 1)
                .containsEntry("mentionCount", 0);
        changes.stop();
    }

    @Test
    void aReaderBackFromAnAbsenceReadsExactCounts() throws InterruptedException {
        String seen = send(alice, conversationId, "seen before leaving");
        int followersBefore = watch.followers();
        followCounts(bob).stop();
        awaitFollowers(followersBefore);

        String mention = send(alice, conversationId, "@" + bob.username() + " while away");
        send(alice, conversationId, "also while away");
        client().deleteMessage(alice, conversationId, seen)
                .path("deleteMessage.deleted")
                .hasValue();
        markRead(bob, mention);
        send(alice, conversationId, "just now");

        Map<String, Object> counts = counts(bob);
        assertThat((List<Map<String, Object>>) counts.get("conversations"))
                .singleElement()
                .isEqualTo(Map.of(
                        "conversationId",
                        conversationId,
                        "unreadCount",
                        2,
                        "mentionCount",
                        0,
                        "lastReadMessageId",
                        mention));
        assertThat(counts.get("total")).isEqualTo(Map.of("unreadCount", 2, "mentionCount", 0, "conversationCount", 1));

        SubscriptionRecorder afterwards = followCounts(bob);
        send(alice, conversationId, "welcome back");
        assertThat(afterwards.await(unreadCount(3))).containsEntry("lastReadMessageId", mention);
        afterwards.stop();
    }

    @Test
    void readersSeeTheReceiptsOfOthersCoalesced() throws InterruptedException {
        String hello = send(alice, conversationId, "hello");
        String again = send(alice, conversationId, "again");
        SubscriptionRecorder batches = followReceipts(alice);
        markRead(bob, hello);
        markRead(bob, again);
        Map<String, Object> batch = batches.await(any -> true);
        Thread.sleep(1200);

        assertThat(batches.received()).hasSize(1);
        List<Map<String, Object>> receipts = (List<Map<String, Object>>) batch.get("receipts");
        assertThat(receipts).singleElement().satisfies(receipt -> {
            assertThat(receipt).containsEntry("messageId", again);
            assertThat(receipt.get("user")).isEqualTo(Map.of("id", bob.userId(), "username", bob.username()));
        });
        batches.stop();
    }

    @Test
    void aReaderWithoutReadReceiptsHearsNoOnesReceipts() throws InterruptedException {
        String hello = send(bob, conversationId, "hello");
        setReadReceipts(alice, false);
        SubscriptionRecorder batches = followReceipts(alice);
        setReadReceipts(bob, true);
        markRead(alice, hello);
        String answer = send(alice, conversationId, "answer");
        markRead(bob, answer);
        Thread.sleep(1500);

        assertThat(batches.received()).isEmpty();
        batches.stop();
    }

    @Test
    void nonMembersCannotFollowReceipts() {
        Account mallory = signUp("mallory");
        WebSocketGraphQlTester device = webSocket(mallory);
        try {
            StepVerifier.create(device.documentName("subscribeToReadReceipts")
                            .variable("conversationId", conversationId)
                            .executeSubscription()
                            .toFlux())
                    .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("NOT_FOUND"))
                    .verify(TIMEOUT);
        } finally {
            device.stop().block(TIMEOUT);
        }
    }

    @Test
    void countsOfManyConversationsCostNoMoreStatementsThanOnesOfOne() {
        send(alice, conversationId, "hello");
        total(bob);
        counts(bob);
        fullList(bob, 1);
        long forOneTotal = statementsOf(() -> total(bob));
        long forOneList = statementsOf(() -> fullList(bob, 1));

        for (int i = 0; i < 5; i++) {
            send(alice, startConversation(alice, bob), "hello " + i);
        }

        assertThat(statementsOf(() -> total(bob))).isEqualTo(forOneTotal).isEqualTo(1);
        assertThat(statementsOf(() -> counts(bob))).isEqualTo(1);
        assertThat(statementsOf(() -> fullList(bob, 6))).isEqualTo(forOneList);
    }

    @Test
    void countsGivenAgainAreNeverOnesFromBeforeAChange() {
        String hello = send(alice, conversationId, "hello");
        assertThat(counts(bob)).isEqualTo(countsOf(1, 0, null, 1, 0));

        client().editMessage(alice, conversationId, hello, "hello @" + bob.username())
                .path("editMessage.id")
                .hasValue();
        assertThat(counts(bob)).isEqualTo(countsOf(1, 1, null, 1, 1));

        String more = send(alice, conversationId, "more");
        assertThat(counts(bob)).isEqualTo(countsOf(2, 1, null, 2, 1));

        client().deleteMessage(alice, conversationId, hello)
                .path("deleteMessage.deleted")
                .hasValue();
        assertThat(counts(bob)).isEqualTo(countsOf(1, 0, null, 1, 0));

        send(bob, conversationId, "mine");
        assertThat(counts(bob)).isEqualTo(countsOf(1, 0, null, 1, 0));

        markReadOnly(bob, conversationId, more);
        assertThat(counts(bob)).isEqualTo(countsOf(0, 0, more, 0, 0));

        send(alice, conversationId, "muted away");
        mute(bob);
        assertThat(counts(bob)).isEqualTo(countsOf(1, 0, more, 0, 0));
    }

    @Test
    void countsAskedAgainCostOneStatementAndOneMoreForThoseThatChanged() {
        List<String> conversations = new ArrayList<>(List.of(conversationId));
        for (int i = 0; i < 5; i++) {
            conversations.add(startConversation(alice, bob));
        }
        Runnable twoChange = () -> {
            send(alice, conversations.get(1), "again");
            send(alice, conversations.get(4), "again");
        };
        Runnable allChange = () -> conversations.forEach(conversation -> send(alice, conversation, "hello"));

        assertThat(statementsOf(() -> counts(bob))).isEqualTo(1);
        assertThat(statementsOf(() -> {
                    twoChange.run();
                    counts(bob);
                }))
                .isEqualTo(statementsOf(twoChange) + 2);
        assertThat(statementsOf(() -> {
                    allChange.run();
                    counts(bob);
                }))
                .isEqualTo(statementsOf(allChange) + 2);
    }

    @Test
    void aPageReadsTheCountsOfAllItsConversationsInOneStatement() {
        String read = send(alice, conversationId, "read");
        send(alice, conversationId, "@" + bob.username() + " unread");
        markReadOnly(bob, conversationId, read);
        assertThat(statementsOf(() -> countsPage(bob, 1))).isEqualTo(statementsOf(() -> idsPage(bob, 1)) + 1);

        Map<String, Map<String, Object>> expected = new HashMap<>();
        expected.put(conversationId, counts(1, 1, read));
        for (int unread = 1; unread <= 5; unread++) {
            String another = startConversation(alice, bob);
            for (int i = 0; i < unread; i++) {
                send(alice, another, "hello " + i);
            }
            expected.put(another, counts(unread, 0, null));
        }

        assertThat(statementsOf(() -> countsPage(bob, 6))).isEqualTo(statementsOf(() -> idsPage(bob, 6)) + 1);
        assertThat(countsPage(bob, 6)).isEqualTo(expected);
    }

    @Test
    void markingReadCostsTheSameStatementsInAnyConversation() {
        String hello = send(alice, conversationId, "hello");
        String again = send(alice, conversationId, "again");
        markRead(bob, hello);

        long inASmallConversation = statementsOf(() -> markReadOnly(bob, conversationId, again));

        Account carol = signUp("carol");
        String crowded = startConversation(alice, bob, carol, signUp("dave"), signUp("erin"));
        String first = send(alice, crowded, "hello");
        String busy = send(alice, crowded, "again");
        markReadOnly(carol, crowded, first);

        assertThat(statementsOf(() -> markReadOnly(carol, crowded, busy))).isEqualTo(inASmallConversation);
    }

    /** Follows the reader's counts on a device of theirs, once the server follows them for it. */
    private SubscriptionRecorder followCounts(Account reader) throws InterruptedException {
        int before = watch.followers();
        SubscriptionRecorder changes =
                SubscriptionRecorder.record(webSocket(reader), "subscribeToUnreadChanges", Map.of());
        awaitFollowers(before + 1);
        return changes;
    }

    /** Follows the read receipts of the conversation as {@code reader}, once the server listens for them. */
    private SubscriptionRecorder followReceipts(Account reader) throws InterruptedException {
        int before = subscribers.count();
        SubscriptionRecorder batches = SubscriptionRecorder.record(
                webSocket(reader), "subscribeToReadReceipts", Map.of("conversationId", conversationId));
        awaitSubscribers(before + 1);
        return batches;
    }

    private static Predicate<Map<String, Object>> unreadCount(int expected) {
        return change -> Integer.valueOf(expected).equals(change.get("unreadCount"));
    }

    private static Predicate<Map<String, Object>> readUpTo(String messageId) {
        return change -> messageId.equals(change.get("lastReadMessageId"));
    }

    private void mute(Account member) {
        graphQl(member)
                .documentName("muteConversation")
                .variable("conversationId", conversationId)
                .execute()
                .path("muteConversation.muted")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    private Map<String, Object> counts(Account member) {
        return graphQl(member)
                .documentName("unreadCounts")
                .execute()
                .path("unreadCounts")
                .entity(Map.class)
                .get();
    }

    /** The counts of each conversation of the member's first page of {@code first}, by conversation. */
    private Map<String, Map<String, Object>> countsPage(Account member, int first) {
        Map<String, Map<String, Object>> byConversation = new HashMap<>();
        graphQl(member)
                .documentName("conversationCounts")
                .variable("first", first)
                .execute()
                .path("conversationList.conversations")
                .entityList(Map.class)
                .get()
                .forEach(conversation -> {
                    Map<String, Object> counts = new HashMap<>(conversation);
                    byConversation.put((String) counts.remove("id"), counts);
                });
        return byConversation;
    }

    private void idsPage(Account member, int first) {
        graphQl(member)
                .documentName("conversationIds")
                .variable("first", first)
                .execute()
                .path("conversationList.conversations")
                .entityList(Object.class)
                .hasSize(first);
    }

    /** The member's counts in the one conversation of alice and bob, and their total. */
    private Map<String, Object> countsOf(
            int unread, int mentions, String lastRead, int totalUnread, int totalMentions) {
        Map<String, Object> conversation = counts(unread, mentions, lastRead);
        conversation.put("conversationId", conversationId);
        return Map.of(
                "conversations",
                List.of(conversation),
                "total",
                Map.of(
                        "unreadCount",
                        totalUnread,
                        "mentionCount",
                        totalMentions,
                        "conversationCount",
                        totalUnread > 0 ? 1 : 0));
    }

    private static Map<String, Object> counts(int unread, int mentions, String lastRead) {
        Map<String, Object> counts = new HashMap<>();
        counts.put("unreadCount", unread);
        counts.put("mentionCount", mentions);
        counts.put("lastReadMessageId", lastRead);
        return counts;
    }

    private void fullList(Account member, int conversations) {
        graphQl(member)
                .documentName("conversationList")
                .variable("first", 100)
                .execute()
                .path("conversationList.conversations")
                .entityList(Object.class)
                .hasSize(conversations);
    }

    private Map<String, Object> listed(Account member) {
        return (Map<String, Object>) page(member, null)
                .path("conversationList.conversations[?(@.id == '" + conversationId + "')]")
                .entityList(Map.class)
                .hasSize(1)
                .get()
                .get(0);
    }

    private GraphQlTester.Response page(Account member, String after) {
        return graphQl(member)
                .documentName("conversationList")
                .variable("first", 1)
                .variable("after", after)
                .execute();
    }

    private List<Integer> total(Account member) {
        Map<String, Integer> total = graphQl(member)
                .documentName("unreadTotal")
                .execute()
                .path("unreadTotal")
                .entity(Map.class)
                .get();
        return List.of(total.get("unreadCount"), total.get("mentionCount"), total.get("conversationCount"));
    }

    private GraphQlTester.Response markRead(Account member, String messageId) {
        return graphQl(member)
                .documentName("markRead")
                .variable("conversationId", conversationId)
                .variable("messageId", messageId)
                .execute();
    }

    private void markReadOnly(Account member, String conversation, String messageId) {
        graphQl(member)
                .documentName("markReadOnly")
                .variable("conversationId", conversation)
                .variable("messageId", messageId)
                .execute()
                .path("markRead.id")
                .entity(String.class)
                .isEqualTo(conversation);
    }

    private GraphQlTester.Response setReadReceipts(Account member, boolean enabled) {
        return graphQl(member)
                .documentName("setReadReceipts")
                .variable("enabled", enabled)
                .execute();
    }

    private Map<String, Object> seenBy(Account viewer, String messageId) {
        return (Map<String, Object>) graphQl(viewer)
                .documentName("seenBy")
                .variable("conversationId", conversationId)
                .execute()
                .path("allMessageConnection.messages[?(@.id == '" + messageId + "')].seenBy")
                .entityList(Map.class)
                .hasSize(1)
                .get()
                .get(0);
    }

    private void awaitFollowers(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (watch.followers() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(watch.followers()).as("followers of counts").isEqualTo(expected);
    }
}
