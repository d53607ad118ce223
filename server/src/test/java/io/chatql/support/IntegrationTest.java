package io.chatql.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.realtime.Subscribers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The base of the integration tests: the whole server on a random port, driven through its real HTTP
 * and WebSocket endpoints. Subclasses choose the database with {@code @ContextConfiguration(initializers
 * = H2Database.class)} or {@link PostgresDatabase}; tests share the database, so each makes users and
 * conversations of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.lifecycle.timeout-per-shutdown-phase=2s",
            // Every test signs in from the same address; the limit per username still applies.
            "chatql.auth.attempts.per-address=100000"
        })
@Import(StatementCounter.class)
public abstract class IntegrationTest {

    protected static final Duration TIMEOUT = ChatClient.TIMEOUT;

    @LocalServerPort
    protected int port;

    @Autowired
    protected Subscribers subscribers;

    @Autowired
    protected StatementCounter statements;

    /** A client of the server under test. */
    protected ChatClient client() {
        return new ChatClient(port);
    }

    protected WebTestClient http() {
        return client().http();
    }

    protected static String uniqueName(String prefix) {
        return ChatClient.uniqueName(prefix);
    }

    protected Account signUp(String prefix) {
        return client().signUp(prefix);
    }

    protected HttpGraphQlTester graphQl(Account account) {
        return client().graphQl(account);
    }

    protected WebSocketGraphQlTester webSocket(Account account) {
        return client().webSocket(account);
    }

    protected void register(Account account) {
        client().register(account);
    }

    protected String startConversation(Account creator, Account... others) {
        return client().startConversation(creator, others);
    }

    protected String send(Account sender, String conversationId, String content) {
        return client().send(sender, conversationId, content);
    }

    protected URI webSocketUri() {
        return client().webSocketUri();
    }

    /**
     * The path of AppSync's real-time endpoint with {@code header}, the JSON of the handshake's
     * headers, in its query as AppSync's clients send it.
     */
    protected static String appSyncPath(String header) {
        return "/graphql/realtime?header=" + Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "&payload=e30=";
    }

    /** The handshake headers of an AppSync client of this server that signs in with {@code authorization}. */
    protected String appSyncHeader(String authorization) {
        return "{\"host\":\"127.0.0.1:" + port + "\",\"Authorization\":\"" + authorization + "\"}";
    }

    /**
     * The path a client of {@code protocol} (graphql-transport-ws, graphql-ws or appsync) connects to,
     * an AppSync client with {@code authorization}.
     */
    protected String webSocketPath(String protocol, String authorization) {
        return protocol.equals("appsync") ? appSyncPath(appSyncHeader(authorization)) : "/graphql";
    }

    /** The subprotocol a client of {@code protocol} asks for: AppSync's is named graphql-ws too. */
    protected static String subProtocolOf(String protocol) {
        return protocol.equals("appsync") ? "graphql-ws" : protocol;
    }

    protected ChatClient.RawSession rawWebSocket(String... messages) {
        return client().rawWebSocket(messages);
    }

    /**
     * The statements that {@code request} costs: the fewest of three tries, so that what the server
     * does in the background meanwhile, such as storing when the users of earlier tests were last
     * seen, is not counted. The request must cost the same each time it is made.
     */
    protected long statementsOf(Runnable request) {
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = statements.count();
            request.run();
            fewest = Math.min(fewest, statements.count() - before);
        }
        return fewest;
    }

    /** Waits until at least {@code expected} subscriptions listen on the server. */
    protected void awaitSubscribers(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (subscribers.count() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(subscribers.count()).as("live subscribers").isGreaterThanOrEqualTo(expected);
    }

    /** Checks that the response has one error, of {@code type}. */
    protected static void expectError(GraphQlTester.Response response, ErrorType type) {
        response.errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getErrorType()).isEqualTo(type)));
    }

    /** Asks who the caller is over HTTP with the credential {@code value} in {@code header}, expecting {@code status}. */
    protected void expectMeAnswered(String header, String value, int status) {
        http().post()
                .uri("/graphql")
                .header(header, value)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }
}
