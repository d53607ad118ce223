package io.chatql.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Members find the messages of their conversations, and only those, by words, phrases, prefixes, sender
 * and conversation, as the messages are now, with the matches marked in a plain-text snippet.
 */
abstract class SearchIntegrationTests extends IntegrationTest {

    /** A new message must be findable within this long. */
    private static final Duration FINDABLE = Duration.ofSeconds(2);

    @Autowired
    private JdbcClient jdbc;

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
    void newMessageIsFoundWithinTwoSeconds() {
        long sentAt = System.nanoTime();
        String id = send(alice, conversationId, "the address is 12 Elm Street");

        List<Map<String, Object>> hits = awaitHits(bob, "elm", found -> found.size() == 1);

        assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).isLessThanOrEqualTo(FINDABLE);
        assertThat(message(hits.get(0)))
                .containsEntry("id", id)
                .containsEntry("conversationId", conversationId)
                .containsEntry("author", Map.of("username", alice.username()));
        assertThat(hits.get(0).get("conversation")).isEqualTo(Map.of("id", conversationId, "name", "with 1 others"));
        // The conversation's timeline begins with its two members added.
        assertThat(message(hits.get(0)).get("timelinePosition")).isEqualTo("3");
    }

    @Test
    void othersFindNothingOfAConversationTheyAreNotIn() {
        send(alice, conversationId, "secret plans for tuesday");
        Account mallory = signUp("mallory");
        String mallorys = startConversation(mallory);
        send(mallory, mallorys, "my own plans for tuesday");
        awaitHits(bob, "tuesday", found -> found.size() == 1);

        List<Map<String, Object>> found = awaitHits(mallory, "tuesday", hits -> hits.size() == 1);
        assertThat(message(found.get(0))).containsEntry("content", "my own plans for tuesday");
        assertThat(hits(mallory, "secret")).isEmpty();
        assertThat(hits(mallory, "in:" + conversationId + " plans")).isEmpty();
        assertThat(hits(mallory, "from:" + alice.username())).isEmpty();
    }

    @Test
    void aConversationNotMineIsNotFoundLikeOneThatDoesNotExist() {
        Account mallory = signUp("mallory");

        expectError(search(mallory, "plans", conversationId, null, null), ErrorType.NOT_FOUND);
        expectError(search(mallory, "plans", "no-such-conversation", null, null), ErrorType.NOT_FOUND);
    }

    @Test
    void aMemberRemovedFindsNothingOfTheConversationAnyMore() {
        send(alice, conversationId, "before bob left");
        awaitHits(bob, "left", found -> found.size() == 1);

        jdbc.sql("delete from user_conversation where user_id = ? and conversation_id = ?")
                .params(bob.userId(), conversationId)
                .update();

        assertThat(hits(bob, "left")).isEmpty();
        expectError(search(bob, "left", conversationId, null, null), ErrorType.NOT_FOUND);
    }

    @Test
    void wordsMustAllBeThereAndPhrasesInARow() {
        String house = send(alice, conversationId, "The blue house at the corner");
        String both = send(alice, conversationId, "a house, painted blue");
        send(alice, conversationId, "a blue car");
        awaitHits(bob, "blue", found -> found.size() == 3);

        assertThat(ids(hits(bob, "house BLUE"))).containsExactly(both, house);
        assertThat(ids(hits(bob, "\"blue house\""))).containsExactly(house);
        assertThat(ids(hits(bob, "\"Blue House\" corner"))).containsExactly(house);
        assertThat(hits(bob, "\"house blue\"")).isEmpty();
    }

    @Test
    void aPrefixFindsTheWordsThatStartWithIt() {
        String address = send(alice, conversationId, "my new address");
        String addressing = send(alice, conversationId, "Addressing envelopes");
        send(alice, conversationId, "an adder");
        awaitHits(bob, "an", found -> found.size() == 1);

        assertThat(ids(hits(bob, "addr*"))).containsExactly(addressing, address);
        assertThat(ids(hits(bob, "ADDRESSI*"))).containsExactly(addressing);
        expectError(search(bob, "a*", null, null, null), ErrorType.BAD_REQUEST);
    }

    @Test
    void fromAndInNarrowToASenderAndAConversation() {
        String lunch = createConversation(alice, "Lunch plans", bob);
        String fromBob = send(bob, lunch, "pizza at noon");
        String fromAlice = send(alice, lunch, "pizza again");
        String elsewhere = send(bob, conversationId, "pizza elsewhere");
        awaitHits(alice, "pizza", found -> found.size() == 3);

        assertThat(ids(hits(alice, "pizza from:" + bob.username()))).containsExactly(elsewhere, fromBob);
        assertThat(ids(hits(alice, "from:@" + bob.username().toUpperCase() + " pizza")))
                .containsExactly(elsewhere, fromBob);
        assertThat(ids(hits(alice, "pizza in:\"lunch PLANS\""))).containsExactly(fromAlice, fromBob);
        assertThat(ids(hits(alice, "in:" + lunch + " from:" + alice.username())))
                .containsExactly(fromAlice);
        assertThat(ids(hits(alice, "pizza in:" + lunch + " in:" + conversationId)))
                .containsExactly(elsewhere, fromAlice, fromBob);
        assertThat(hits(alice, "pizza from:nobody-" + UUID.randomUUID())).isEmpty();
        assertThat(hits(alice, "pizza in:dinner")).isEmpty();
        assertThat(ids(hits(alice, "pizza", lunch))).containsExactly(fromAlice, fromBob);
        expectError(search(alice, "from: pizza", null, null, null), ErrorType.BAD_REQUEST);
    }

    @Test
    void aSnippetIsPlainTextWithItsMatchesMarked() {
        send(alice, conversationId, "<b>Call</b> me at the office, call!");
        String filler = "word ".repeat(100);
        send(alice, conversationId, filler + "the meeting point is the old mill " + filler);
        awaitHits(bob, "call", found -> found.size() == 1);

        Map<String, Object> snippet = snippet(hits(bob, "call").get(0));
        assertThat(snippet.get("text")).isEqualTo("<b>Call</b> me at the office, call!");
        assertThat(marked(snippet)).containsExactly("Call", "call");

        snippet = snippet(
                awaitHits(bob, "\"old mill\" meet*", found -> found.size() == 1).get(0));
        String text = (String) snippet.get("text");
        assertThat(text).startsWith("…word ").endsWith(" word…").contains("the meeting point is the old mill");
        assertThat(text.length()).isLessThanOrEqualTo(Snippets.LENGTH + 2);
        assertThat(marked(snippet)).containsExactly("meeting", "old mill");
    }

    @Test
    void pagesContinueWithTheirToken() {
        for (int i = 1; i <= 5; i++) {
            send(alice, conversationId, "page " + i);
        }
        awaitHits(bob, "page", found -> found.size() == 5);

        assertThat(contents(allPages(bob, "page", null)))
                .containsExactly("page 5", "page 4", "page 3", "page 2", "page 1");
        assertThat(contents(allPages(bob, "page", "RELEVANCE")))
                .containsExactlyInAnyOrder("page 5", "page 4", "page 3", "page 2", "page 1");

        String token = search(bob, "page", null, 2, null)
                .path("searchMessages.nextToken")
                .entity(String.class)
                .get();
        expectError(search(alice, "page", null, 2, token), ErrorType.BAD_REQUEST);
        expectError(search(bob, "pages", null, 2, token), ErrorType.BAD_REQUEST);
        expectError(search(bob, "page", null, 101, null), ErrorType.BAD_REQUEST);
    }

    @Test
    void theBestMatchesComeFirstByRelevance() {
        send(alice, conversationId, "the rain over the old town fell the whole day long");
        String best = send(alice, conversationId, "rain, rain, rain");
        awaitHits(bob, "rain", found -> found.size() == 2);

        assertThat(ids(pageOf(search(bob, "rain", null, null, null, "RELEVANCE")))
                        .get(0))
                .isEqualTo(best);
    }

    @Test
    void deletedMessagesAreNeverFoundAndEditedOnesByWhatTheySayNow() {
        String regretted = send(alice, conversationId, "regretted remark");
        String edited = send(alice, conversationId, "first draft");
        awaitHits(bob, "remark", found -> found.size() == 1);
        awaitHits(bob, "draft", found -> found.size() == 1);

        client().deleteMessage(alice, conversationId, regretted)
                .path("deleteMessage.deleted")
                .hasValue();
        client().editMessage(alice, conversationId, edited, "final version")
                .path("editMessage.id")
                .hasValue();

        assertThat(hits(bob, "remark")).isEmpty();
        assertThat(ids(awaitHits(bob, "final", found -> found.size() == 1))).containsExactly(edited);
        awaitHits(bob, "draft", List::isEmpty);
    }

    @Test
    void badQueriesAreRefusedWithAReasonOrTakenAsText() {
        send(alice, conversationId, "C++ (and) a:b [really]?");
        awaitHits(bob, "really", found -> found.size() == 1);

        expectError(search(bob, "", null, null, null), ErrorType.BAD_REQUEST);
        expectError(search(bob, "   ", null, null, null), ErrorType.BAD_REQUEST);
        expectError(search(bob, "!?", null, null, null), ErrorType.BAD_REQUEST);
        expectError(search(bob, "x".repeat(SearchQuery.MAX_LENGTH + 1), null, null, null), ErrorType.BAD_REQUEST);
        expectError(search(bob, "word ".repeat(SearchQuery.MAX_TERMS + 1), null, null, null), ErrorType.BAD_REQUEST);
        for (String literal : List.of(
                "C++ (and",
                "\"a:b [really",
                "really]?",
                "+really -and",
                "really~2 AND c^3",
                "a:b \\ / {}",
                "*",
                "\"")) {
            GraphQlTester.Response response = search(bob, literal, null, null, null);
            if (literal.equals("*") || literal.equals("\"")) {
                expectError(response, ErrorType.BAD_REQUEST);
            } else {
                assertThat(ids(pageOf(response))).as(literal).hasSizeLessThanOrEqualTo(1);
            }
        }
        assertThat(hits(bob, "\"really")).hasSize(1);
    }

    private String createConversation(Account creator, String name, Account... others) {
        String id = UUID.randomUUID().toString();
        graphQl(creator)
                .document("mutation($id: ID!, $name: String!, $members: [ID!]!) {"
                        + " startConversation(id: $id, name: $name, memberIds: $members) { id } }")
                .variable("id", id)
                .variable("name", name)
                .variable(
                        "members", List.of(others).stream().map(Account::userId).toList())
                .execute()
                .path("startConversation.id")
                .entity(String.class)
                .isEqualTo(id);
        return id;
    }

    private GraphQlTester.Response search(
            Account caller,
            String query,
            @Nullable String conversationId,
            @Nullable Integer first,
            @Nullable String after) {
        return search(caller, query, conversationId, first, after, null);
    }

    private GraphQlTester.Response search(
            Account caller,
            String query,
            @Nullable String conversationId,
            @Nullable Integer first,
            @Nullable String after,
            @Nullable String order) {
        return graphQl(caller)
                .documentName("searchMessages")
                .variable("query", query)
                .variable("conversationId", conversationId)
                .variable("first", first)
                .variable("after", after)
                .variable("order", order)
                .execute();
    }

    private List<Map<String, Object>> hits(Account caller, String query) {
        return pageOf(search(caller, query, null, null, null));
    }

    private List<Map<String, Object>> hits(Account caller, String query, String conversationId) {
        return pageOf(search(caller, query, conversationId, null, null));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pageOf(GraphQlTester.Response response) {
        return response.path("searchMessages.hits").entity(List.class).get();
    }

    /** The hits of every page of the search, two at a time. */
    private List<Map<String, Object>> allPages(Account caller, String query, @Nullable String order) {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        do {
            GraphQlTester.Response response = search(caller, query, null, 2, after, order);
            List<Map<String, Object>> page = pageOf(response);
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            all.addAll(page);
            after = (String)
                    response.path("searchMessages").entity(Map.class).get().get("nextToken");
        } while (after != null && all.size() < 10);
        return all;
    }

    /** The hits once {@code done} accepts them, waiting for the index as long as a new message may take. */
    private List<Map<String, Object>> awaitHits(
            Account caller, String query, Predicate<List<Map<String, Object>>> done) {
        long deadline = System.nanoTime() + FINDABLE.toNanos();
        List<Map<String, Object>> found = hits(caller, query);
        while (!done.test(found) && System.nanoTime() < deadline) {
            sleep();
            found = hits(caller, query);
        }
        assertThat(done.test(found)).as("hits of " + query + ": " + found).isTrue();
        return found;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> message(Map<String, Object> hit) {
        return (Map<String, Object>) hit.get("message");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> snippet(Map<String, Object> hit) {
        return (Map<String, Object>) hit.get("snippet");
    }

    private static List<String> ids(List<Map<String, Object>> hits) {
        return hits.stream().map(hit -> (String) message(hit).get("id")).toList();
    }

    private static List<String> contents(List<Map<String, Object>> hits) {
        return hits.stream().map(hit -> (String) message(hit).get("content")).toList();
    }

    /** The pieces of the snippet's text that its highlights mark. */
    @SuppressWarnings("unchecked")
    private static List<String> marked(Map<String, Object> snippet) {
        String text = (String) snippet.get("text");
        return ((List<Map<String, Integer>>) snippet.get("highlights"))
                .stream()
                        .map(range -> text.substring(range.get("start"), range.get("end")))
                        .toList();
    }
}
