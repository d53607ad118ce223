package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import io.chatql.support.NodeClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real client library of each protocol, unchanged, receives messages live and resumes a
 * conversation's timeline: graphql-ws, Apollo's subscriptions-transport-ws, graphql-sse, and the
 * original ChatQL client's aws-appsync SDK.
 */
@ContextConfiguration(initializers = H2Database.class)
class ClientLibrariesIntegrationTests extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"graphql-ws", "subscriptions-transport-ws", "graphql-sse", "aws-appsync"})
    void clientLibraryReceivesMessagesLive(String library) throws Exception {
        receivesMessagesLive(library);
    }

    /** Runs the client script of {@code library}, sends it three messages, and checks it got them. */
    protected void receivesMessagesLive(String library) throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        int subscribersBefore = subscribers.count();
        NodeClient client = NodeClient.follow(library, client(), alice, conversationId, 3);
        try {
            awaitSubscribersOf(client, subscribersBefore + 1);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(send(alice, conversationId, library + " message " + i));
            }

            assertThat(client.receivedMessageIds()).containsExactlyElementsOf(sent);
        } finally {
            client.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphql-ws", "subscriptions-transport-ws", "graphql-sse", "aws-appsync"})
    void clientLibraryResumesAConversationsTimeline(String library) throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        String message = send(alice, conversationId, "before");
        long seen = lastPosition(alice, conversationId);
        client().editMessage(alice, conversationId, message, "edited while " + library + " was away")
                .path("editMessage.editedAt")
                .hasValue();
        send(alice, conversationId, "while away");
        int subscribersBefore = subscribers.count();
        NodeClient client = NodeClient.followEvents(library, client(), alice, conversationId, Long.toString(seen), 3);
        try {
            awaitSubscribersOf(client, subscribersBefore + 1);
            send(alice, conversationId, "live");

            assertThat(client.receivedMessageIds())
                    .containsExactly(Long.toString(seen + 1), Long.toString(seen + 2), Long.toString(seen + 3));
        } finally {
            client.stop();
        }
    }

    private long lastPosition(Account member, String conversationId) {
        return Long.parseLong(graphQl(member)
                .documentName("conversationEvents")
                .variable("conversationId", conversationId)
                .variable("first", 100)
                .execute()
                .path("conversationEvents.position")
                .entity(String.class)
                .get());
    }

    private void awaitSubscribersOf(NodeClient client, int expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (subscribers.count() < expected && client.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(subscribers.count())
                .as("subscribed; the client printed: %s", client.isAlive() ? "" : client.output())
                .isGreaterThanOrEqualTo(expected);
    }
}
