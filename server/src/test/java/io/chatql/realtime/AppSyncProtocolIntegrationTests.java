package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import io.chatql.support.RawWebSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfiguration;

/** AWS AppSync's real-time protocol on /graphql/realtime, with credentials given in each of its ways. */
@ContextConfiguration(initializers = H2Database.class)
class AppSyncProtocolIntegrationTests extends IntegrationTest {

    @Test
    void credentialsInTheHeaderQueryParameter() throws Exception {
        Account alice = signUp("alice");
        String header = Base64.getEncoder().encodeToString(credentials(alice).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(appSyncUri() + "?header=" + header + "&payload=e30=");

        try (RawWebSocket socket = RawWebSocket.connect(uri, new HttpHeaders(), "graphql-ws")) {
            chatsOver(socket, alice);
        }
    }

    @Test
    void credentialsInAPercentEncodedHeaderQueryParameter() throws Exception {
        Account alice = signUp("alice");
        String header = Base64.getEncoder().encodeToString(credentials(alice).getBytes(StandardCharsets.UTF_8));
        StringBuilder everyCharacterEncoded = new StringBuilder();
        for (byte b : header.getBytes(StandardCharsets.US_ASCII)) {
            everyCharacterEncoded
                    .append('%')
                    .append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        URI uri = URI.create(appSyncUri() + "?header=" + everyCharacterEncoded + "&payload=e30%3D");

        try (RawWebSocket socket = RawWebSocket.connect(uri, new HttpHeaders(), "graphql-ws")) {
            chatsOver(socket, alice);
        }
    }

    @Test
    void credentialsInASubprotocolEntry() throws Exception {
        Account alice = signUp("alice");
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(credentials(alice).getBytes(StandardCharsets.UTF_8));

        try (RawWebSocket socket =
                RawWebSocket.connect(URI.create(appSyncUri()), new HttpHeaders(), "graphql-ws", "header-" + header)) {
            assertThat(socket.subProtocol()).isEqualTo("graphql-ws");
            chatsOver(socket, alice);
        }
    }

    @Test
    void credentialsInHttpHeaders() throws Exception {
        Account alice = signUp("alice");
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", alice.accessToken());

        try (RawWebSocket socket = RawWebSocket.connect(URI.create(appSyncUri()), headers, "graphql-ws")) {
            chatsOver(socket, alice);
        }
    }

    @Test
    void badCredentialsGetAConnectionErrorWith401() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", "not-a-token");

        try (RawWebSocket socket = RawWebSocket.connect(URI.create(appSyncUri()), headers, "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\"}");

            assertThat(socket.awaitContaining("connection_error"))
                    .contains("\"errorCode\":401")
                    .contains("UnauthorizedException");
            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4401);
        }
    }

    @Test
    void nonMemberStartGetsAnError() throws Exception {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice);
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", mallory.accessToken());

        try (RawWebSocket socket = RawWebSocket.connect(URI.create(appSyncUri()), headers, "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\"}");
            socket.awaitContaining("connection_ack");
            socket.send(start("s1", conversationId, mallory));

            assertThat(socket.await(message -> message.contains("\"type\":\"error\"")))
                    .contains("\"id\":\"s1\"")
                    .contains("NOT_FOUND");
        }
    }

    private void chatsOver(RawWebSocket socket, Account alice) throws Exception {
        String conversationId = startConversation(alice);
        socket.send("{\"type\":\"connection_init\"}");
        assertThat(socket.awaitContaining("connection_ack")).contains("\"connectionTimeoutMs\":300000");
        socket.awaitContaining("\"ka\"");

        socket.send(start("sub-1", conversationId, alice));
        assertThat(socket.awaitContaining("start_ack")).contains("\"id\":\"sub-1\"");
        String id = send(alice, conversationId, "over AppSync's protocol");

        assertThat(socket.await(message -> message.contains("\"type\":\"data\"")))
                .contains("\"id\":\"sub-1\"")
                .contains(id);
        socket.send("{\"type\":\"stop\",\"id\":\"sub-1\"}");
        assertThat(socket.awaitContaining("\"complete\"")).contains("\"id\":\"sub-1\"");
    }

    private String start(String id, String conversationId, Account account) {
        String data = "{\\\"query\\\":\\\"subscription($c: ID!) { subscribeToNewMessage(conversationId: $c) "
                + "{ __typename id content } }\\\",\\\"variables\\\":{\\\"c\\\":\\\"" + conversationId + "\\\"}}";
        return "{\"id\":\"" + id + "\",\"type\":\"start\",\"payload\":{\"data\":\"" + data + "\",\"extensions\":"
                + "{\"authorization\":" + credentials(account) + "}}}";
    }

    private String credentials(Account account) {
        return "{\"Authorization\":\"" + account.accessToken() + "\",\"host\":\"127.0.0.1:" + port
                + "\",\"x-amz-user-agent\":\"test\"}";
    }

    private String appSyncUri() {
        return "ws://127.0.0.1:" + port + "/graphql/realtime";
    }
}
