package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import io.chatql.support.JwksServer;
import io.chatql.support.NodeClient;
import io.chatql.support.RawWebSocket;
import io.chatql.support.TestIssuer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Tokens of trusted external issuers, an Amazon Cognito user pool and a Keycloak realm whose keys a
 * local server publishes: accepted on HTTP, SSE and every WebSocket protocol, their users made on the
 * first request, and refused when they are for another client, of another issuer, expired or forged.
 */
abstract class ExternalIssuersIntegrationTests extends IntegrationTest {

    private static final String COGNITO_CLIENT = "4tnq1bpa6uu3ulq0ld2h1kf8ce";

    private static final String KEYCLOAK_CLIENT = "chatql-web";

    private static final JwksServer JWKS = new JwksServer();

    private static final TestIssuer COGNITO =
            new TestIssuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_ChatQLTst");

    private static final TestIssuer KEYCLOAK = new TestIssuer(JWKS.baseUrl() + "/realms/chatql");

    private static final TestIssuer PLAIN = new TestIssuer(JWKS.baseUrl() + "/plain");

    private static final TestIssuer OTHER_POOL =
            new TestIssuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other");

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void trustedIssuers(DynamicPropertyRegistry registry) {
        registry.add("chatql.auth.issuers[0].issuer-uri", COGNITO::issuer);
        registry.add(
                "chatql.auth.issuers[0].jwk-set-uri",
                () -> JWKS.publish("/eu-west-1_ChatQLTst/.well-known/jwks.json", COGNITO));
        registry.add("chatql.auth.issuers[0].audiences", () -> COGNITO_CLIENT);
        registry.add("chatql.auth.issuers[1].issuer-uri", KEYCLOAK::issuer);
        registry.add(
                "chatql.auth.issuers[1].jwk-set-uri",
                () -> JWKS.publish("/realms/chatql/protocol/openid-connect/certs", KEYCLOAK));
        registry.add("chatql.auth.issuers[1].audiences", () -> KEYCLOAK_CLIENT);
        registry.add("chatql.auth.issuers[1].username-claims", () -> "preferred_username");
        registry.add("chatql.auth.issuers[2].issuer-uri", PLAIN::issuer);
        registry.add("chatql.auth.issuers[2].audiences", () -> "plain-client");
        JWKS.publish("/plain/.well-known/jwks.json", PLAIN);
        JWKS.publish("/eu-west-1_Other/.well-known/jwks.json", OTHER_POOL);
    }

    @Test
    void cognitoIdTokenMakesTheUserOnItsFirstRequest() {
        String sub = UUID.randomUUID().toString();
        String username = uniqueName("anaya");

        me(COGNITO.sign(COGNITO.cognitoIdToken(sub, username, COGNITO_CLIENT)))
                .path("me.id")
                .entity(String.class)
                .isEqualTo(sub)
                .path("me.cognitoId")
                .entity(String.class)
                .isEqualTo(sub)
                .path("me.username")
                .entity(String.class)
                .isEqualTo(username);
        assertThat(jdbc.sql("select user_id from external_identity where issuer = ? and subject = ?")
                        .params(COGNITO.issuer(), sub)
                        .query(String.class)
                        .single())
                .isEqualTo(sub);
    }

    @Test
    void cognitoAccessTokenIsTheSameUserAsTheIdToken() {
        String sub = UUID.randomUUID().toString();
        String username = uniqueName("anaya");
        me(COGNITO.sign(COGNITO.cognitoIdToken(sub, username, COGNITO_CLIENT)));

        me(COGNITO.sign(COGNITO.cognitoAccessToken(sub, username, COGNITO_CLIENT)))
                .path("me.id")
                .entity(String.class)
                .isEqualTo(sub)
                .path("me.username")
                .entity(String.class)
                .isEqualTo(username);
    }

    @Test
    void keycloakTokenForTheClientInAzpIsAccepted() {
        String sub = UUID.randomUUID().toString();
        String username = uniqueName("kim");

        me(KEYCLOAK.sign(KEYCLOAK.keycloakAccessToken(sub, username, KEYCLOAK_CLIENT)))
                .path("me.username")
                .entity(String.class)
                .isEqualTo(username);
    }

    @Test
    void keysAreFetchedFromTheIssuersWellKnownPathByDefault() {
        String username = uniqueName("pat");

        me(PLAIN.sign(PLAIN.keycloakAccessToken(UUID.randomUUID().toString(), username, "plain-client")))
                .path("me.username")
                .entity(String.class)
                .isEqualTo(username);
    }

    @Test
    void takenUsernameGetsASuffixAndTheLocalAccountKeepsIt() {
        Account local = signUp("alice");
        String sub = UUID.randomUUID().toString();

        String username = me(COGNITO.sign(COGNITO.cognitoIdToken(sub, local.username(), COGNITO_CLIENT)))
                .path("me.username")
                .entity(String.class)
                .get();

        assertThat(username).matches(local.username() + "-[0-9a-f]{6}");
        graphQl(local)
                .documentName("getMe")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo(local.username());
    }

    @Test
    void usernameIsMadeToFollowTheUsernameRule() {
        String local = uniqueName("jane");

        me(COGNITO.sign(COGNITO.cognitoIdToken(UUID.randomUUID().toString(), local + "@example.com", COGNITO_CLIENT)))
                .path("me.username")
                .entity(String.class)
                .isEqualTo(local + "_example.com");
    }

    @Test
    void simultaneousFirstRequestsMakeOneUser() {
        String sub = UUID.randomUUID().toString();
        String token = COGNITO.sign(COGNITO.cognitoIdToken(sub, uniqueName("rush"), COGNITO_CLIENT));

        WebClient webClient = WebClient.create(client().baseUrl());
        List<String> answers = Flux.range(0, 6)
                .flatMap(request -> webClient
                        .post()
                        .uri("/graphql")
                        .header("Authorization", token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"query\":\"{ me { id } }\"}")
                        .retrieve()
                        .bodyToMono(String.class))
                .collectList()
                .block(TIMEOUT);

        assertThat(answers).hasSize(6).allSatisfy(answer -> assertThat(answer).contains(sub));
        assertThat(jdbc.sql("select count(*) from chat_user where id = ?")
                        .param(sub)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void knownUserCostsNoDatabaseRead() {
        String token = COGNITO.sign(
                COGNITO.cognitoAccessToken(UUID.randomUUID().toString(), uniqueName("quick"), COGNITO_CLIENT));
        expectStatus(token, 200);

        long before = statements.count();
        expectStatus(token, 200);

        assertThat(statements.count()).isEqualTo(before);
    }

    @Test
    void tokenForAnotherClientIsRefused() {
        String sub = UUID.randomUUID().toString();

        expectStatus(COGNITO.sign(COGNITO.cognitoIdToken(sub, uniqueName("eve"), "another-client")), 401);
        expectStatus(COGNITO.sign(COGNITO.cognitoAccessToken(sub, uniqueName("eve"), "another-client")), 401);
        expectStatus(KEYCLOAK.sign(KEYCLOAK.keycloakAccessToken(sub, uniqueName("eve"), "another-client")), 401);
    }

    @Test
    void tokenOfAnUntrustedIssuerIsRefused() {
        expectStatus(
                OTHER_POOL.sign(OTHER_POOL.cognitoIdToken(UUID.randomUUID().toString(), "eve", COGNITO_CLIENT)), 401);
    }

    @Test
    void tokenClaimingATrustedIssuerButSignedByAnotherIsRefused() {
        JWTClaimsSet.Builder claims = COGNITO.cognitoIdToken(UUID.randomUUID().toString(), "eve", COGNITO_CLIENT);

        expectStatus(OTHER_POOL.sign(claims), 401);
        expectStatus(COGNITO.forge(claims), 401);
    }

    @Test
    void expiredTokenIsRefused() {
        Instant past = Instant.now().minus(Duration.ofHours(2));

        expectStatus(
                COGNITO.sign(COGNITO.cognitoIdToken(UUID.randomUUID().toString(), "eve", COGNITO_CLIENT)
                        .issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofHours(1))))),
                401);
    }

    @Test
    void refreshTokenUseIsRefused() {
        expectStatus(
                COGNITO.sign(COGNITO.cognitoIdToken(UUID.randomUUID().toString(), "eve", COGNITO_CLIENT)
                        .claim("token_use", "refresh")),
                401);
    }

    @Test
    void tokenAuthenticatesGraphQlTransportWs() {
        String sub = UUID.randomUUID().toString();
        String token = COGNITO.sign(COGNITO.cognitoAccessToken(sub, uniqueName("ws"), COGNITO_CLIENT));

        client().webSocket(Map.of("Authorization", token))
                .documentName("getMe")
                .execute()
                .path("me.id")
                .entity(String.class)
                .isEqualTo(sub);
    }

    @Test
    void tokenAuthenticatesTheLegacyProtocol() throws Exception {
        String sub = UUID.randomUUID().toString();
        String token = KEYCLOAK.sign(KEYCLOAK.keycloakAccessToken(sub, uniqueName("legacy"), KEYCLOAK_CLIENT));

        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\",\"payload\":{\"authToken\":\"" + token + "\"}}");
            socket.awaitContaining("\"connection_ack\"");
            socket.send("{\"id\":\"q\",\"type\":\"start\",\"payload\":{\"query\":\"{ me { id } }\"}}");

            assertThat(socket.awaitContaining("\"data\"")).contains(sub);
        }
    }

    @Test
    void tokenInTheAppSyncHeaderIsAcceptedAndAForeignOneRefused() throws Exception {
        String token = COGNITO.sign(
                COGNITO.cognitoIdToken(UUID.randomUUID().toString(), uniqueName("appsync"), COGNITO_CLIENT));
        String foreign = OTHER_POOL.sign(
                OTHER_POOL.cognitoIdToken(UUID.randomUUID().toString(), uniqueName("appsync"), COGNITO_CLIENT));

        try (RawWebSocket socket = RawWebSocket.connect(appSyncUri(token), new HttpHeaders(), "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\"}");
            socket.awaitContaining("connection_ack");
        }
        try (RawWebSocket socket = RawWebSocket.connect(appSyncUri(foreign), new HttpHeaders(), "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\"}");
            assertThat(socket.awaitContaining("connection_error")).contains("\"errorCode\":401");
            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4401);
        }
    }

    @Test
    void originalChatQlClientWithACognitoIdTokenReceivesMessagesLive() throws Exception {
        String sub = UUID.randomUUID().toString();
        Account member = new Account(
                sub, "", COGNITO.sign(COGNITO.cognitoIdToken(sub, uniqueName("amplify"), COGNITO_CLIENT)), "");
        me(member.accessToken());
        Account alice = signUp("alice");
        String conversationId = startConversation(alice, member);
        int subscribersBefore = subscribers.count();
        NodeClient appSync = NodeClient.follow("aws-appsync", client(), member, conversationId, 2);
        try {
            awaitSubscribers(subscribersBefore + 1);
            List<String> sent = List.of(
                    send(alice, conversationId, "hello from a local account"),
                    send(alice, conversationId, "to a Cognito user"));

            assertThat(appSync.receivedMessageIds()).containsExactlyElementsOf(sent);
        } finally {
            appSync.stop();
        }
    }

    @Test
    void tokenAuthenticatesServerSentEvents() throws Exception {
        String sub = UUID.randomUUID().toString();
        Account member =
                new Account(sub, "", COGNITO.sign(COGNITO.cognitoIdToken(sub, uniqueName("sse"), COGNITO_CLIENT)), "");
        me(member.accessToken());
        Account alice = signUp("alice");
        String conversationId = startConversation(alice, member);
        int subscribersBefore = subscribers.count();

        CompletableFuture<String> received = client().newMessagesOverServerSentEvents(member, conversationId)
                .filter(event -> "next".equals(event.event()))
                .map(event -> String.valueOf(event.data()))
                .next()
                .toFuture();
        awaitSubscribers(subscribersBefore + 1);
        String id = send(alice, conversationId, "over SSE to a Cognito user");

        assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).contains(id);
    }

    private GraphQlTester.Response me(String token) {
        return HttpGraphQlTester.create(http().mutate()
                        .baseUrl(client().baseUrl() + "/graphql")
                        .defaultHeader("Authorization", "Bearer " + token)
                        .build())
                .documentName("getMe")
                .execute();
    }

    private void expectStatus(String token, int status) {
        http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ __typename }\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }

    private URI appSyncUri(String token) {
        return URI.create("ws://127.0.0.1:" + port + appSyncPath(appSyncHeader(token)));
    }
}
