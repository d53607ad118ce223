package io.chatql.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

/**
 * A user blocks another: the blocked user can no longer add the blocker to a conversation, and the
 * blocker's messages of theirs say so; the blocked user learns nothing of it.
 */
abstract class BlocksIntegrationTests extends IntegrationTest {

    @Test
    void blockedUserCannotStartAConversationWithTheBlocker() {
        Account bob = signUp("bob");
        Account mallory = signUp("mallory");
        block(bob, mallory);
        String conversationId = createConversation(mallory);

        GraphQlTester.Response refused = addMember(mallory, conversationId, bob);

        refused.errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(error.getMessage())
                            .isEqualTo("you cannot add this user to a conversation")
                            .doesNotContainIgnoringCase("block");
                }));
        assertThat(conversationsOf(bob)).doesNotContain(conversationId);
    }

    @Test
    void blockedUserIsRefusedBeforeAConversationStartedWithTheBlockerIsCreated() {
        Account bob = signUp("bob");
        Account carol = signUp("carol");
        Account mallory = signUp("mallory");
        block(bob, mallory);
        String conversationId = UUID.randomUUID().toString();

        GraphQlTester.Response refused = start(mallory, conversationId, carol, bob);

        refused.errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(error.getMessage()).isEqualTo("you cannot add this user to a conversation");
                }));
        assertThat(conversationsOf(mallory)).doesNotContain(conversationId);
        assertThat(conversationsOf(carol)).doesNotContain(conversationId);
    }

    @Test
    void othersStartAConversationWithTheBlockerAndTheBlockedUserTogether() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Account mallory = signUp("mallory");
        block(bob, mallory);
        String conversationId = UUID.randomUUID().toString();

        start(alice, conversationId, bob, mallory)
                .path("startConversation.id")
                .entity(String.class)
                .isEqualTo(conversationId);

        assertThat(conversationsOf(alice)).contains(conversationId);
        assertThat(conversationsOf(bob)).contains(conversationId);
        assertThat(conversationsOf(mallory)).contains(conversationId);
    }

    @Test
    void blockedUserCannotAddTheBlockerToAGroupThatOthersStillCan() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice, mallory);
        block(bob, mallory);

        addMember(mallory, conversationId, bob).errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN);
        addMember(alice, conversationId, bob)
                .path("createUserConversations.userId")
                .entity(String.class)
                .isEqualTo(bob.userId());
    }

    @Test
    void unblockedUserMayAddTheFormerBlockerAgain() {
        Account bob = signUp("bob");
        Account mallory = signUp("mallory");
        block(bob, mallory);

        graphQl(bob)
                .documentName("unblockUser")
                .variable("userId", mallory.userId())
                .execute()
                .path("unblockUser.id")
                .entity(String.class)
                .isEqualTo(mallory.userId());

        String conversationId = startConversation(mallory, bob);
        assertThat(conversationsOf(bob)).contains(conversationId);
    }

    @Test
    void authorBlockedIsTrueOnlyForTheBlockerAndOnlyOnTheBlockedUsersMessages() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice, bob, mallory);
        send(mallory, conversationId, "from mallory");
        send(alice, conversationId, "from alice");
        send(bob, conversationId, "from bob");

        block(bob, mallory);

        assertThat(authorBlocked(bob, conversationId))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(mallory.userId(), true, alice.userId(), false, bob.userId(), false));
        assertThat(authorBlocked(alice, conversationId)).doesNotContainValue(true);
        assertThat(authorBlocked(mallory, conversationId)).doesNotContainValue(true);
    }

    @Test
    void liveMessagesTellEachSubscriberWhetherTheyBlockedTheAuthor() throws Exception {
        Account bob = signUp("bob");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(bob, mallory);
        block(bob, mallory);
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester bobSocket = webSocket(bob);
        WebSocketGraphQlTester mallorySocket = webSocket(mallory);
        CompletableFuture<Boolean> bobSees = nextAuthorBlocked(bobSocket, conversationId);
        CompletableFuture<Boolean> mallorySees = nextAuthorBlocked(mallorySocket, conversationId);
        awaitSubscribers(subscribersBefore + 2);

        send(mallory, conversationId, "live from mallory");

        assertThat(bobSees.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(mallorySees.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isFalse();
        bobSocket.stop().block(TIMEOUT);
        mallorySocket.stop().block(TIMEOUT);
    }

    @Test
    void blockedUserLearnsNothing() {
        Account bob = signUp("bob");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(bob, mallory);
        send(bob, conversationId, "from bob");

        block(bob, mallory);

        graphQl(mallory)
                .documentName("blockedUsers")
                .execute()
                .path("blockedUsers")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(authorBlocked(mallory, conversationId)).containsExactly(Map.entry(bob.userId(), false));
    }

    @Test
    void blockedUsersListsTheLatestFirstAndEachOnce() {
        Account bob = signUp("bob");
        Account mallory = signUp("mallory");
        Account trudy = signUp("trudy");

        block(bob, mallory);
        block(bob, trudy);
        block(bob, mallory);

        graphQl(bob)
                .documentName("blockedUsers")
                .execute()
                .path("blockedUsers[*].id")
                .entityList(String.class)
                .containsExactly(trudy.userId(), mallory.userId());
    }

    @Test
    void noOneBlocksThemselves() {
        Account bob = signUp("bob");

        for (String mutation : List.of("blockUser", "unblockUser")) {
            graphQl(bob)
                    .documentName(mutation)
                    .variable("userId", bob.userId())
                    .execute()
                    .errors()
                    .expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST
                            && error.getMessage().contains("yourself"))
                    .verify();
        }
    }

    @Test
    void unknownUserIsNotFound() {
        Account bob = signUp("bob");

        graphQl(bob)
                .documentName("blockUser")
                .variable("userId", "no-such-user")
                .execute()
                .errors()
                .expect(error -> error.getErrorType() == ErrorType.NOT_FOUND)
                .verify();
    }

    @Test
    void authorBlockedOfAPageCostsOneStatement() {
        Account bob = signUp("bob");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(bob, mallory);
        for (int i = 0; i < 30; i++) {
            send(i % 2 == 0 ? bob : mallory, conversationId, "message " + i);
        }
        block(bob, mallory);

        long withoutIt = statementsFor(bob, "getConversationMessages", conversationId);
        long withIt = statementsFor(bob, "messagesWithAuthorBlocked", conversationId);

        assertThat(withIt - withoutIt).isEqualTo(1);
    }

    private void block(Account blocker, Account blocked) {
        graphQl(blocker)
                .documentName("blockUser")
                .variable("userId", blocked.userId())
                .execute()
                .path("blockUser.id")
                .entity(String.class)
                .isEqualTo(blocked.userId());
    }

    private String createConversation(Account creator) {
        String id = UUID.randomUUID().toString();
        graphQl(creator)
                .documentName("createConversation")
                .variable("id", id)
                .variable("name", "new")
                .execute()
                .path("createConversation.id")
                .entity(String.class)
                .isEqualTo(id);
        return id;
    }

    private GraphQlTester.Response start(Account creator, String conversationId, Account... members) {
        return graphQl(creator)
                .documentName("startConversation")
                .variable("id", conversationId)
                .variable("name", "started")
                .variable(
                        "memberIds", Arrays.stream(members).map(Account::userId).toList())
                .execute();
    }

    private GraphQlTester.Response addMember(Account caller, String conversationId, Account member) {
        return graphQl(caller)
                .documentName("createUserConversations")
                .variable("conversationId", conversationId)
                .variable("userId", member.userId())
                .execute();
    }

    private List<String> conversationsOf(Account account) {
        return graphQl(account)
                .documentName("getUserConversationConnectionThroughUser")
                .variable("first", 100)
                .execute()
                .path("me.conversations.userConversations[*].conversationId")
                .entityList(String.class)
                .get();
    }

    /** Whether {@code viewer} sees each sender of the conversation as blocked, by sender. */
    private Map<String, Boolean> authorBlocked(Account viewer, String conversationId) {
        List<Map> messages = graphQl(viewer)
                .documentName("messagesWithAuthorBlocked")
                .variable("conversationId", conversationId)
                .variable("first", 100)
                .execute()
                .path("allMessageConnection.messages")
                .entityList(Map.class)
                .get();
        Map<String, Boolean> bySender = new HashMap<>();
        messages.forEach(
                message -> bySender.put((String) message.get("sender"), (Boolean) message.get("authorBlocked")));
        return bySender;
    }

    private CompletableFuture<Boolean> nextAuthorBlocked(WebSocketGraphQlTester socket, String conversationId) {
        return socket.documentName("newMessagesWithAuthorBlocked")
                .variable("conversationId", conversationId)
                .executeSubscription()
                .toFlux("subscribeToNewMessage.authorBlocked", Boolean.class)
                .next()
                .toFuture();
    }

    private long statementsFor(Account caller, String document, String conversationId) {
        return statementsOf(() -> graphQl(caller)
                .documentName(document)
                .variable("conversationId", conversationId)
                .variable("first", 30)
                .execute()
                .path("allMessageConnection.messages")
                .entityList(Object.class)
                .hasSize(30));
    }
}
