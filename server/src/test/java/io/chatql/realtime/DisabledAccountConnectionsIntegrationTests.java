package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import io.chatql.support.RawWebSocket;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;

/**
 * The real-time connections of an account that an administrator disables are closed at once, with
 * 4403, on every protocol, and its Server-Sent Events streams end; other users' connections stay.
 */
@TestPropertySource(properties = "chatql.auth.admin-username=" + DisabledAccountConnectionsIntegrationTests.ADMIN)
abstract class DisabledAccountConnectionsIntegrationTests extends IntegrationTest {

    static final String ADMIN = "warden";

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "graphql-ws", "appsync"})
    void openConnectionIsClosedWith4403(String protocol) throws Exception {
        Account bob = signUp("bob");
        try (RawWebSocket socket = connect(protocol, bob)) {

            disable(bob);

            CloseStatus closed = socket.closeStatus(TIMEOUT);
            assertThat(closed.getCode()).isEqualTo(4403);
            assertThat(closed.getReason()).isEqualTo("Account disabled");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphql-ws", "appsync"})
    void protocolsWithAConnectionErrorAreToldWhy(String protocol) throws Exception {
        Account bob = signUp("bob");
        try (RawWebSocket socket = connect(protocol, bob)) {

            disable(bob);

            assertThat(socket.awaitContaining("connection_error")).contains("Account disabled");
        }
    }

    @Test
    void otherUsersConnectionsKeepReceiving() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        int subscribersBefore = subscribers.count();
        try (RawWebSocket aliceSocket = connect("graphql-transport-ws", alice);
                RawWebSocket bobSocket = connect("graphql-transport-ws", bob)) {
            aliceSocket.send(subscribe(conversationId));
            awaitSubscribers(subscribersBefore + 1);

            disable(bob);
            assertThat(bobSocket.closeStatus(TIMEOUT).getCode()).isEqualTo(4403);
            String id = send(alice, conversationId, "still here");

            assertThat(aliceSocket.awaitContaining(id)).contains("\"type\":\"next\"");
        }
    }

    @Test
    void reconnectingWithTheSameTokenIsRefusedWith4401() throws Exception {
        Account bob = signUp("bob");
        disable(bob);

        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-transport-ws")) {
            socket.send(init("graphql-transport-ws", bob));

            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4401);
        }
    }

    @Test
    void serverSentEventsStreamEnds() throws Exception {
        Account bob = signUp("bob");
        String conversationId = startConversation(bob);
        int subscribersBefore = subscribers.count();
        Flux<ServerSentEvent<Map<String, Object>>> events =
                client().newMessagesOverServerSentEvents(bob, conversationId);
        var received = events.filter(event -> event.event() != null)
                .map(ServerSentEvent::event)
                .collectList()
                .toFuture();
        awaitSubscribers(subscribersBefore + 1);

        disable(bob);

        assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactly("complete");
    }

    /** A connection of {@code account}, acknowledged. */
    private RawWebSocket connect(String protocol, Account account) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + port + webSocketPath(protocol, account.accessToken()));
        RawWebSocket socket = RawWebSocket.connect(uri, new HttpHeaders(), subProtocolOf(protocol));
        socket.send(init(protocol, account));
        socket.awaitContaining("connection_ack");
        return socket;
    }

    private static String init(String protocol, Account account) {
        return protocol.equals("appsync")
                ? "{\"type\":\"connection_init\"}"
                : "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + account.accessToken() + "\"}}";
    }

    private static String subscribe(String conversationId) {
        return "{\"id\":\"live\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { "
                + "subscribeToNewMessage(conversationId: \\\"" + conversationId + "\\\") { id } }\"}}";
    }

    private void disable(Account account) {
        client().disableUser(client().signUpOnce(ADMIN), account.userId());
    }
}
