package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import io.chatql.support.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What clients are answered while PostgreSQL restarts: a retryable UNAVAILABLE over GraphQL and a 503
 * over REST, logged once, and a post retried after the restart stored exactly once.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "spring.datasource.hikari.connection-timeout=2000",
            "spring.datasource.hikari.validation-timeout=1000"
        })
class PostgresOutageIntegrationTests extends IntegrationTest {

    private static final TestPostgres.Dedicated POSTGRES = TestPostgres.dedicated();

    private static final Duration RETRY_BACKOFF = Duration.ofMillis(500);

    private static final String UNAVAILABLE_MESSAGE = "The service is briefly unavailable; retry";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> POSTGRES.server().url());
        properties.add("spring.datasource.username", () -> POSTGRES.server().username());
        properties.add("spring.datasource.password", () -> POSTGRES.server().password());
    }

    @Test
    void whileTheDatabaseIsDownEveryEndpointAnswersUnavailable(CapturedOutput output) {
        Account alice = signUp("outage");
        String conversationId = startConversation(alice);
        send(alice, conversationId, "before the restart");
        int logBefore = output.length();

        POSTGRES.stop();
        try {
            post(graphQl(alice), conversationId, "over HTTP")
                    .errors()
                    .satisfy(PostgresOutageIntegrationTests::unavailable);
            post(webSocket(alice), conversationId, "over a WebSocket")
                    .errors()
                    .satisfy(PostgresOutageIntegrationTests::unavailable);
            assertThat(subscribeOverServerSentEvents(alice, conversationId))
                    .contains("UNAVAILABLE")
                    .doesNotContain("Exception");
            http().post()
                    .uri("/auth/sign-in")
                    .bodyValue(Map.of("username", alice.username(), "password", "password-" + alice.username()))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER)
                    .expectBody()
                    .jsonPath("$.error")
                    .isEqualTo("unavailable")
                    .jsonPath("$.message")
                    .isEqualTo(UNAVAILABLE_MESSAGE);
        } finally {
            POSTGRES.start();
        }
        postUntilStored(alice, conversationId, UUID.randomUUID().toString(), "after the restart");

        String outage = output.toString().substring(logBefore);
        assertThat(outage.lines().filter(line -> line.contains(" WARN ")))
                .singleElement()
                .asString()
                .contains("Database unavailable");
        assertThat(outage).doesNotContain("\tat ", "ERROR");
        assertThat(outage.lines().filter(line -> line.contains(" INFO ") && line.contains("Database available again")))
                .hasSize(1);
    }

    @Test
    void aPostThatFailedIsStoredOnceWhenRetriedAfterTheRestart() {
        Account alice = signUp("retry");
        String conversationId = startConversation(alice);
        String id = UUID.randomUUID().toString();

        POSTGRES.stop();
        try {
            post(graphQl(alice), conversationId, id, "sent during the restart")
                    .errors()
                    .satisfy(PostgresOutageIntegrationTests::unavailable);
        } finally {
            POSTGRES.start();
        }
        postUntilStored(alice, conversationId, id, "sent during the restart");
        post(graphQl(alice), conversationId, id, "sent during the restart")
                .path("createMessage.isSent")
                .entity(Boolean.class)
                .isEqualTo(true);

        graphQl(alice)
                .documentName("getConversationMessages")
                .variable("conversationId", conversationId)
                .execute()
                .path("allMessageConnection.messages[*].id")
                .entityList(String.class)
                .containsExactly(id);
    }

    private static GraphQlTester.Response post(GraphQlTester tester, String conversationId, String content) {
        return post(tester, conversationId, UUID.randomUUID().toString(), content);
    }

    private static GraphQlTester.Response post(GraphQlTester tester, String conversationId, String id, String content) {
        return tester.documentName("createMessage")
                .variable("id", id)
                .variable("conversationId", conversationId)
                .variable("content", content)
                .variable("createdAt", id)
                .execute();
    }

    /**
     * Posts as the web client's outbox does: again after a short backoff while the answer is
     * UNAVAILABLE, as it may be until the pool has connected again, within {@link #TIMEOUT}.
     */
    private void postUntilStored(Account sender, String conversationId, String id, String content) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            GraphQlTester.Response response = post(graphQl(sender), conversationId, id, content);
            List<ResponseError> errors = new ArrayList<>();
            response.errors().satisfy(errors::addAll);
            if (errors.isEmpty()) {
                response.path("createMessage.isSent").entity(Boolean.class).isEqualTo(true);
                return;
            }
            unavailable(errors);
            assertThat(System.nanoTime()).as("retried until the deadline").isLessThan(deadline);
            sleep(RETRY_BACKOFF);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while retrying", ex);
        }
    }

    private static void unavailable(List<ResponseError> errors) {
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("UNAVAILABLE");
            assertThat(error.getExtensions()).containsEntry("classification", "UNAVAILABLE");
            assertThat(error.getMessage()).isEqualTo(UNAVAILABLE_MESSAGE);
        });
    }

    private String subscribeOverServerSentEvents(Account account, String conversationId) {
        List<ServerSentEvent<Map<String, Object>>> events = client().newMessagesOverServerSentEvents(
                        account, conversationId)
                .filter(event -> event.event() != null)
                .collectList()
                .block(TIMEOUT);
        return String.valueOf(events);
    }
}
