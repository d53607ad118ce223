package io.chatql.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Members react to messages with emoji: once each per emoji, at most 20 different ones per message,
 * shown with their counts, whether I reacted and the first names.
 */
@SuppressWarnings("unchecked")
abstract class ReactionsIntegrationTests extends IntegrationTest {

    private static final String THUMBS_UP = "\uD83D\uDC4D";

    private static final String HEART = "\u2764\uFE0F";

    @Autowired
    private JdbcClient jdbc;

    private Account alice;

    private Account bob;

    private String conversationId;

    private String messageId;

    @BeforeEach
    void startConversation() {
        alice = signUp("alice");
        bob = signUp("bob");
        conversationId = startConversation(alice, bob);
        messageId = send(alice, conversationId, "react to me");
    }

    @Test
    void aMessageShowsEachEmojiWithItsCountWhetherIReactedAndWho() {
        react(alice, THUMBS_UP);
        react(bob, THUMBS_UP);
        react(bob, HEART);

        assertThat(reactionsSeenBy(alice))
                .containsExactly(
                        Map.of(
                                "emoji",
                                THUMBS_UP,
                                "count",
                                2,
                                "reactedByMe",
                                true,
                                "names",
                                List.of(alice.username(), bob.username())),
                        Map.of("emoji", HEART, "count", 1, "reactedByMe", false, "names", List.of(bob.username())));
        assertThat(reactionsSeenBy(bob))
                .extracting(reaction -> reaction.get("reactedByMe"))
                .containsExactly(true, true);
    }

    @Test
    void reactingTwiceIsOneReactionAndTakingItBackTwiceChangesNothing() {
        react(bob, THUMBS_UP);
        react(bob, THUMBS_UP)
                .path("addReaction.reactions[0].count")
                .entity(Integer.class)
                .isEqualTo(1);

        unreact(bob, THUMBS_UP)
                .path("removeReaction.reactions")
                .entityList(Object.class)
                .hasSize(0);
        unreact(bob, THUMBS_UP)
                .path("removeReaction.reactions")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(storedReactions()).isZero();
    }

    @Test
    void anEmojiWithoutItsPresentationSelectorIsTheSameReaction() {
        react(alice, "\u2764");
        react(bob, HEART);

        assertThat(reactionsSeenBy(alice))
                .singleElement()
                .satisfies(reaction ->
                        assertThat(reaction).containsEntry("emoji", HEART).containsEntry("count", 2));
    }

    @Test
    void aReactionIsOneEmojiJoinedSequencesIncluded() {
        List<String> joined = List.of(
                "\uD83D\uDC4D\uD83C\uDFFD",
                "\uD83C\uDDEB\uD83C\uDDF7",
                "1\uFE0F\u20E3",
                "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67");
        joined.forEach(emoji -> react(bob, emoji));

        assertThat(reactionsSeenBy(bob))
                .extracting(reaction -> reaction.get("emoji"))
                .containsExactlyElementsOf(joined);
    }

    @Test
    void anythingButOneEmojiIsRefusedAndStoresNothing() {
        for (String notOne : List.of(
                "",
                "a",
                "+1",
                THUMBS_UP + THUMBS_UP,
                THUMBS_UP + " ",
                ":thumbsup:",
                "\u200D",
                "\uD83D",
                THUMBS_UP.repeat(40))) {
            expectError(react(bob, notOne), ErrorType.BAD_REQUEST);
        }

        assertThat(storedReactions()).isZero();
    }

    @Test
    void aMessageHoldsAtMostTwentyDifferentEmoji() {
        List<String> twenty = "😀😁😂😃😄😅😆😇😈😉😊😋😌😍😎😏😐😑😒😓"
                .codePoints()
                .mapToObj(Character::toString)
                .toList();
        twenty.forEach(emoji -> react(alice, emoji));

        expectError(react(bob, THUMBS_UP), ErrorType.BAD_REQUEST);
        react(bob, twenty.get(0))
                .path("addReaction.reactions[0].count")
                .entity(Integer.class)
                .isEqualTo(2);
        assertThat(reactionsSeenBy(bob)).hasSize(20);
    }

    @Test
    void theNamesShownAreTheFirstFiveToReact() {
        List<Account> members =
                List.of(signUp("m1"), signUp("m2"), signUp("m3"), signUp("m4"), signUp("m5"), signUp("m6"));
        String crowded = startConversation(alice, members.toArray(Account[]::new));
        String id = send(alice, crowded, "everyone react");
        members.forEach(member -> react(member, crowded, id, THUMBS_UP));

        Map<String, Object> reaction = (Map<String, Object>) react(alice, crowded, id, THUMBS_UP)
                .path("addReaction.reactions[0]")
                .entity(Map.class)
                .get();

        assertThat(reaction).containsEntry("count", 7);
        assertThat((List<String>) reaction.get("names"))
                .containsExactlyElementsOf(
                        members.subList(0, 5).stream().map(Account::username).toList());
    }

    @Test
    void onlyMembersReactToMessagesThatExist() {
        Account stranger = signUp("stranger");

        expectError(react(stranger, THUMBS_UP), ErrorType.NOT_FOUND);
        expectError(unreact(stranger, THUMBS_UP), ErrorType.NOT_FOUND);
        expectError(react(bob, conversationId, "no-such-message", THUMBS_UP), ErrorType.NOT_FOUND);

        assertThat(storedReactions()).isZero();
    }

    @Test
    void aDeletedMessageLosesItsReactionsAndTakesNoMore() {
        react(bob, THUMBS_UP);
        client().deleteMessage(alice, conversationId, messageId)
                .path("deleteMessage.deleted")
                .entity(Boolean.class)
                .isEqualTo(true);

        expectError(react(bob, HEART), ErrorType.BAD_REQUEST);
        assertThat(reactionsSeenBy(bob)).isEmpty();
        assertThat(storedReactions()).isZero();
    }

    @Test
    void aPageWithRepliesAndReactionsCostsAsFewStatementsAsAPageWithAuthorsDid() {
        String previous = messageId;
        for (int i = 0; i < 60; i++) {
            Account author = i % 2 == 0 ? alice : bob;
            String id = send(author, conversationId, "message " + i);
            graphQl(author)
                    .documentName("replyToMessage")
                    .variable("conversationId", conversationId)
                    .variable("id", id + "-reply")
                    .variable("createdAt", "2026-01-01T00:00:00Z")
                    .variable("content", "reply " + i)
                    .variable("replyToId", previous)
                    .execute()
                    .path("createMessage.id")
                    .hasValue();
            react(i % 2 == 0 ? bob : alice, conversationId, id, THUMBS_UP);
            previous = id;
        }

        long forTen = statementsFor("pageWithRepliesAndReactions", 10);
        long forHundred = statementsFor("pageWithRepliesAndReactions", 100);

        // Before replies and reactions: the membership, the page and its authors.
        assertThat(forHundred).isEqualTo(forTen).isLessThanOrEqualTo(3);
    }

    private long statementsFor(String document, int first) {
        return statementsOf(() -> graphQl(alice)
                .documentName(document)
                .variable("conversationId", conversationId)
                .variable("first", first)
                .execute()
                .path("allMessageConnection.messages")
                .entityList(Object.class)
                .hasSize(first));
    }

    private GraphQlTester.Response react(Account member, String emoji) {
        return react(member, conversationId, messageId, emoji);
    }

    private GraphQlTester.Response react(Account member, String conversation, String message, String emoji) {
        return client().react("addReaction", member, conversation, message, emoji);
    }

    private GraphQlTester.Response unreact(Account member, String emoji) {
        return client().react("removeReaction", member, conversationId, messageId, emoji);
    }

    private List<Map<String, Object>> reactionsSeenBy(Account member) {
        List<Map<String, Object>> page = graphQl(member)
                .documentName("livingMessages")
                .variable("conversationId", conversationId)
                .variable("first", 1)
                .execute()
                .path("allMessageConnection.messages")
                .entityList(Map.class)
                .get()
                .stream()
                .map(message -> (Map<String, Object>) message)
                .toList();
        return (List<Map<String, Object>>) page.get(0).get("reactions");
    }

    private long storedReactions() {
        return jdbc.sql("select count(*) from message_reaction where conversation_id = ?")
                .param(conversationId)
                .query(Long.class)
                .single();
    }
}
