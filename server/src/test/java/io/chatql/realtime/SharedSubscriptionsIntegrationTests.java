package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.ContextConfiguration;

/** A published event is executed and serialized once per group of like subscribers, not once per subscriber. */
@ContextConfiguration(initializers = H2Database.class)
class SharedSubscriptionsIntegrationTests extends IntegrationTest {

    private static final String MESSAGES = "subscription($c: ID!) { subscribeToNewMessage(conversationId: $c) "
            + "{ id content author { username } } }";

    private static final String MESSAGES_WITH_VIEWER_DEPENDENT_FIELDS =
            "subscription($c: ID!) { subscribeToNewMessage(conversationId: $c) "
                    + "{ id author { conversations { userConversations { conversationId } } } } }";

    @Autowired
    private GraphQlOperations operations;

    @Test
    void likeSubscribersOfSeveralUsersShareOneExecution() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);

        List<CompletableFuture<List<String>>> received = subscribe(MESSAGES, conversationId, 5, alice, bob);
        long serializedBefore = operations.resultsSerialized();
        String sent = send(alice, conversationId, "once for all");

        for (CompletableFuture<List<String>> subscriber : received) {
            assertThat(subscriber.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactly(sent);
        }
        assertThat(operations.resultsSerialized() - serializedBefore).isEqualTo(1);
    }

    @Test
    void documentsWithFieldsThatDependOnTheViewerAreSharedPerUser() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);

        List<CompletableFuture<List<String>>> received =
                subscribe(MESSAGES_WITH_VIEWER_DEPENDENT_FIELDS, conversationId, 3, alice, bob);
        long serializedBefore = operations.resultsSerialized();
        String sent = send(bob, conversationId, "once per user");

        for (CompletableFuture<List<String>> subscriber : received) {
            assertThat(subscriber.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactly(sent);
        }
        assertThat(operations.resultsSerialized() - serializedBefore).isEqualTo(2);
    }

    /** Opens {@code perUser} subscriptions on one connection of each user, and waits until they listen. */
    private List<CompletableFuture<List<String>>> subscribe(
            String document, String conversationId, int perUser, Account... users) throws InterruptedException {
        int before = subscribers.count();
        List<CompletableFuture<List<String>>> received = new ArrayList<>();
        for (Account user : users) {
            WebSocketGraphQlTester socket = webSocket(user);
            for (int i = 0; i < perUser; i++) {
                received.add(socket.document(document)
                        .variable("c", conversationId)
                        .executeSubscription()
                        .toFlux("subscribeToNewMessage.id", String.class)
                        .take(1)
                        .collectList()
                        .toFuture());
            }
        }
        awaitSubscribers(before + perUser * users.length);
        return received;
    }
}
