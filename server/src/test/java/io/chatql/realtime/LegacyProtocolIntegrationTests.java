package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import io.chatql.support.RawWebSocket;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfiguration;

/** Apollo's legacy subscriptions-transport-ws protocol (subprotocol graphql-ws) on /graphql. */
@ContextConfiguration(initializers = H2Database.class)
class LegacyProtocolIntegrationTests extends IntegrationTest {

    @Test
    void subscribesReceivesDataAndStops() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        int subscribersBefore = subscribers.count();

        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-ws")) {
            assertThat(socket.subProtocol()).isEqualTo("graphql-ws");
            socket.send("{\"type\":\"connection_init\",\"payload\":{\"authToken\":\"" + alice.accessToken() + "\"}}");
            socket.awaitContaining("\"connection_ack\"");
            socket.awaitContaining("\"ka\"");
            socket.send("{\"id\":\"1\",\"type\":\"start\",\"payload\":{\"query\":"
                    + "\"subscription($c: ID!) { subscribeToNewMessage(conversationId: $c) { id content } }\","
                    + "\"variables\":{\"c\":\"" + conversationId + "\"}}}");
            awaitSubscribers(subscribersBefore + 1);

            String id = send(alice, conversationId, "over the legacy protocol");

            String data = socket.awaitContaining("\"data\"");
            assertThat(data).contains("\"id\":\"1\"").contains(id).contains("over the legacy protocol");
            socket.send("{\"id\":\"1\",\"type\":\"stop\"}");
            assertThat(socket.awaitContaining("\"complete\"")).contains("\"id\":\"1\"");
        }
    }

    @Test
    void queryOverTheSocketAnswersDataThenComplete() throws Exception {
        Account alice = signUp("alice");

        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + alice.accessToken()
                    + "\"}}");
            socket.awaitContaining("\"connection_ack\"");
            socket.send("{\"id\":\"q\",\"type\":\"start\",\"payload\":{\"query\":\"{ me { username } }\"}}");

            assertThat(socket.awaitContaining("\"data\"")).contains(alice.username());
            assertThat(socket.awaitContaining("\"complete\"")).contains("\"id\":\"q\"");
        }
    }

    @Test
    void badTokenGetsAConnectionErrorAndTheConnectionCloses() throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\",\"payload\":{\"authToken\":\"not-a-token\"}}");

            assertThat(socket.awaitContaining("\"connection_error\"")).contains("message");
            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4401);
        }
    }
}
