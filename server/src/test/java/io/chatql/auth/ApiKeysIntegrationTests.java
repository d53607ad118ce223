package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.AdjustableClock;
import io.chatql.support.IntegrationTest;
import io.chatql.support.NodeClient;
import io.chatql.support.RawWebSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * API keys: an administrator makes, lists and revokes them; each acts as a bot user, over HTTP with
 * {@code x-api-key} and in the authentication of every WebSocket protocol, until it expires or is
 * revoked.
 */
@IdentitySettings
abstract class ApiKeysIntegrationTests extends IntegrationTest {

    @Autowired
    private AdjustableClock clock;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void keyActsAsABotUserNamedAfterIt() {
        NewKey key = createKey(uniqueName("bot"));

        withKey(key.key())
                .documentName("getMe")
                .execute()
                .path("me.id")
                .entity(String.class)
                .isEqualTo(key.userId())
                .path("me.username")
                .entity(String.class)
                .isEqualTo(key.name());
    }

    @Test
    void keyIsShownOnceAndStoredAsItsHash() throws Exception {
        NewKey key = createKey(uniqueName("bot"));

        String storedHash = jdbc.sql("select key_hash from api_key where id = ?")
                .param(key.id())
                .query(String.class)
                .single();
        List<Map> listed = graphQl(admin())
                .documentName("apiKeys")
                .execute()
                .path("apiKeys[*].id")
                .entityList(String.class)
                .contains(key.id())
                .path("apiKeys")
                .entityList(Map.class)
                .get();

        assertThat(key.key()).startsWith("chatql_").hasSizeGreaterThan(40);
        assertThat(storedHash).isEqualTo(sha256(key.key()));
        assertThat(listed.toString()).doesNotContain(key.key());
    }

    @Test
    void revokedKeyIsRefused() {
        NewKey key = createKey(uniqueName("bot"));
        expectStatus(key.key(), 200);

        graphQl(admin())
                .documentName("revokeApiKey")
                .variable("id", key.id())
                .execute()
                .path("revokeApiKey.revoked")
                .entity(Boolean.class)
                .isEqualTo(true);

        expectStatus(key.key(), 401);
    }

    @Test
    void expiredKeyIsRefused() {
        NewKey key = createKey(uniqueName("bot"), Duration.ofHours(1));
        expectStatus(key.key(), 200);

        clock.advance(Duration.ofHours(1));

        expectStatus(key.key(), 401);
    }

    @Test
    void unknownKeyIsRefused() {
        expectStatus("chatql_not-a-key", 401);
    }

    @Test
    void nonAdminIsForbidden() {
        Account alice = signUp("alice");
        NewKey key = createKey(uniqueName("bot"));

        expectForbidden(graphQl(alice).documentName("apiKeys").execute());
        expectForbidden(graphQl(alice)
                .documentName("createApiKey")
                .variable("name", uniqueName("bot"))
                .variable("expiresAt", inOneDay())
                .execute());
        expectForbidden(graphQl(alice)
                .documentName("revokeApiKey")
                .variable("id", key.id())
                .execute());
        expectForbidden(withKey(key.key()).documentName("apiKeys").execute());
        expectStatus(key.key(), 200);
    }

    @Test
    void pastOrMalformedExpiryIsABadRequestAndMakesNothing() {
        String name = uniqueName("bot");

        for (String expiresAt : List.of(clock.instant().minusSeconds(1).toString(), "tomorrow", "")) {
            graphQl(admin())
                    .documentName("createApiKey")
                    .variable("name", name)
                    .variable("expiresAt", expiresAt)
                    .execute()
                    .errors()
                    .satisfy(errors -> assertThat(errors)
                            .singleElement()
                            .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
        }
        assertThat(jdbc.sql("select count(*) from chat_user where username = ?")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void takenNameIsABadRequest() {
        Account alice = signUp("alice");

        graphQl(admin())
                .documentName("createApiKey")
                .variable("name", alice.username())
                .variable("expiresAt", inOneDay())
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).contains("already taken")));
    }

    @Test
    void checkedKeyIsRememberedWithoutReadingTheDatabaseAgain() {
        NewKey key = createKey(uniqueName("bot"));
        expectStatus(key.key(), 200);

        long before = statements.count();
        expectStatus(key.key(), 200);

        assertThat(statements.count()).isEqualTo(before);
    }

    @Test
    void keyAuthenticatesGraphQlTransportWs() {
        NewKey key = createKey(uniqueName("bot"));

        client().webSocket(Map.of("x-api-key", key.key()))
                .documentName("getMe")
                .execute()
                .path("me.id")
                .entity(String.class)
                .isEqualTo(key.userId());
    }

    @Test
    void keyAuthenticatesTheLegacyProtocol() throws Exception {
        NewKey key = createKey(uniqueName("bot"));

        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\",\"payload\":{\"x-api-key\":\"" + key.key() + "\"}}");
            socket.awaitContaining("\"connection_ack\"");
            socket.send("{\"id\":\"q\",\"type\":\"start\",\"payload\":{\"query\":\"{ me { id } }\"}}");

            assertThat(socket.awaitContaining("\"data\"")).contains(key.userId());
        }
    }

    @Test
    void keyInTheAppSyncHeaderSubscribesTheBot() throws Exception {
        NewKey key = createKey(uniqueName("bot"));
        Account alice = signUp("alice");
        String conversationId = startConversation(alice, new Account(key.userId(), key.name(), "", ""));
        int subscribersBefore = subscribers.count();

        try (RawWebSocket socket = RawWebSocket.connect(appSyncUri(key.key()), new HttpHeaders(), "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\"}");
            socket.awaitContaining("connection_ack");
            socket.send(appSyncStart(conversationId, key.key()));
            socket.awaitContaining("start_ack");
            awaitSubscribers(subscribersBefore + 1);
            String id = send(alice, conversationId, "for the bot");

            assertThat(socket.await(message -> message.contains("\"type\":\"data\"")))
                    .contains(id);
        }
    }

    @Test
    void appSyncClientInApiKeyModeReceivesMessagesLive() throws Exception {
        NewKey key = createKey(uniqueName("bot"));
        Account alice = signUp("alice");
        Account bot = new Account(key.userId(), key.name(), key.key(), "");
        String conversationId = startConversation(alice, bot);
        int subscribersBefore = subscribers.count();
        NodeClient appSync = NodeClient.follow("aws-appsync-api-key", client(), bot, conversationId, 2);
        try {
            awaitSubscribers(subscribersBefore + 1);
            List<String> sent =
                    List.of(send(alice, conversationId, "hello bot"), send(alice, conversationId, "still there?"));

            assertThat(appSync.receivedMessageIds()).containsExactlyElementsOf(sent);
        } finally {
            appSync.stop();
        }
    }

    @Test
    void revokedKeyInTheAppSyncHeaderIsRefusedWith401() throws Exception {
        NewKey key = createKey(uniqueName("bot"));
        graphQl(admin()).documentName("revokeApiKey").variable("id", key.id()).execute();

        try (RawWebSocket socket = RawWebSocket.connect(appSyncUri(key.key()), new HttpHeaders(), "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\"}");

            assertThat(socket.awaitContaining("connection_error")).contains("\"errorCode\":401");
            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4401);
        }
    }

    private Account admin() {
        return client().signUpOnce(IdentitySettings.ADMIN);
    }

    private NewKey createKey(String name) {
        return createKey(name, Duration.ofDays(1));
    }

    private NewKey createKey(String name, Duration lifetime) {
        GraphQlTester.Response response = graphQl(admin())
                .documentName("createApiKey")
                .variable("name", name)
                .variable("expiresAt", clock.instant().plus(lifetime).toString())
                .execute();
        return new NewKey(
                response.path("createApiKey.apiKey.id").entity(String.class).get(),
                name,
                response.path("createApiKey.apiKey.userId").entity(String.class).get(),
                response.path("createApiKey.key").entity(String.class).get());
    }

    private String inOneDay() {
        return clock.instant().plus(Duration.ofDays(1)).toString();
    }

    private HttpGraphQlTester withKey(String key) {
        return HttpGraphQlTester.create(http().mutate()
                .baseUrl(client().baseUrl() + "/graphql")
                .defaultHeader("x-api-key", key)
                .build());
    }

    private void expectStatus(String key, int status) {
        WebTestClient.ResponseSpec response = http().post()
                .uri("/graphql")
                .header("x-api-key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ __typename }\"}")
                .exchange();
        response.expectStatus().isEqualTo(status);
    }

    private static void expectForbidden(GraphQlTester.Response response) {
        response.errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
    }

    private URI appSyncUri(String key) {
        return URI.create("ws://127.0.0.1:" + port
                + appSyncPath("{\"host\":\"127.0.0.1:" + port + "\",\"x-api-key\":\"" + key + "\"}"));
    }

    private String appSyncStart(String conversationId, String key) {
        String data = "{\\\"query\\\":\\\"subscription($c: ID!) { subscribeToNewMessage(conversationId: $c) "
                + "{ id content } }\\\",\\\"variables\\\":{\\\"c\\\":\\\"" + conversationId + "\\\"}}";
        return "{\"id\":\"s1\",\"type\":\"start\",\"payload\":{\"data\":\"" + data + "\",\"extensions\":"
                + "{\"authorization\":{\"x-api-key\":\"" + key + "\",\"host\":\"127.0.0.1:" + port + "\"}}}}";
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private record NewKey(String id, String name, String userId, String key) {}
}
