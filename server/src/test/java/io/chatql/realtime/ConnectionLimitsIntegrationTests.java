package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import io.chatql.support.RawWebSocket;
import io.chatql.support.WireWebSocket;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/** Real-time connections are kept alive, time out, and are held to their limits. */
@ContextConfiguration(initializers = H2Database.class)
@TestPropertySource(
        properties = {
            "chatql.realtime.keep-alive=300ms",
            "chatql.realtime.connection-init-timeout=500ms",
            "chatql.realtime.max-subscriptions-per-connection=2",
            "chatql.realtime.max-connections-per-user=2",
            "chatql.realtime.outbound-buffer=4KB"
        })
class ConnectionLimitsIntegrationTests extends IntegrationTest {

    @Test
    void connectionWithoutInitIsClosedWith4408() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-transport-ws")) {
            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4408);
        }
    }

    @Test
    void idleConnectionIsPingedAndPingIsAnswered() throws Exception {
        Account alice = signUp("alice");
        try (RawWebSocket socket = open(alice)) {
            socket.awaitContaining("\"ping\"");
            socket.send("{\"type\":\"ping\"}");
            socket.awaitContaining("\"pong\"");
        }
    }

    @Test
    void operationsBeyondTheLimitOfAConnectionAreRefused() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        try (RawWebSocket socket = open(alice)) {
            for (String id : new String[] {"1", "2", "3"}) {
                socket.send(subscribe(id, conversationId));
            }

            assertThat(socket.await(message -> message.contains("\"type\":\"error\"")))
                    .contains("\"id\":\"3\"")
                    .contains("At most 2 operations");
        }
    }

    @Test
    void connectionsBeyondTheLimitOfAUserAreClosedWith4403() throws Exception {
        Account alice = signUp("alice");
        try (RawWebSocket first = open(alice);
                RawWebSocket second = open(alice);
                RawWebSocket third = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-transport-ws")) {
            third.send(init(alice));

            assertThat(third.closeStatus(TIMEOUT).getCode()).isEqualTo(4403);
        }
    }

    @Test
    void reusingTheIdOfARunningOperationClosesWith4409() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        try (RawWebSocket socket = open(alice)) {
            socket.send(subscribe("same", conversationId));
            socket.send(subscribe("same", conversationId));

            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4409);
        }
    }

    @Test
    void clientThatStopsReadingIsClosedWith4508() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        int subscribersBefore = subscribers.count();
        try (WireWebSocket stalled = WireWebSocket.connect(port, "/graphql", "graphql-transport-ws")) {
            stalled.send(init(alice));
            stalled.send(subscribe("1", conversationId));
            awaitSubscribers(subscribersBefore + 1);

            String content = "x".repeat(10_000);
            for (int i = 0; i < 2_000 && subscribers.count() > subscribersBefore; i++) {
                send(alice, conversationId, content);
            }

            assertThat(subscribers.count()).isEqualTo(subscribersBefore);
            assertThat(stalled.awaitCloseCode()).isEqualTo(4508);
        }
    }

    private RawWebSocket open(Account account) throws InterruptedException {
        RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-transport-ws");
        socket.send(init(account));
        socket.awaitContaining("connection_ack");
        return socket;
    }

    private static String init(Account account) {
        return "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + account.accessToken() + "\"}}";
    }

    private static String subscribe(String id, String conversationId) {
        return "{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":"
                + "\"subscription { subscribeToNewMessage(conversationId: \\\"" + conversationId
                + "\\\") { id content } }\"}}";
    }
}
