package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import reactor.core.Disposable;

/** What operators watch: health for load balancers, and metrics for Prometheus. */
@ContextConfiguration(initializers = H2Database.class)
class OperationsIntegrationTests extends IntegrationTest {

    private static final String TRANSPORT_WS = "{protocol=\"graphql-transport-ws\"}";

    @Test
    void livenessAndReadinessAreUpAndReadinessChecksTheDatabase() {
        http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http().get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.db.status")
                .isEqualTo("UP");
    }

    @Test
    void messagesDeliveriesConnectionsAndSubscriptionsAreCounted() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        String before = scrape();
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(alice);
        CompletableFuture<List<String>> received = socket.documentName("subscribeToNewMessage")
                .variable("conversationId", conversationId)
                .executeSubscription()
                .toFlux("subscribeToNewMessage.id", String.class)
                .take(2)
                .collectList()
                .toFuture();
        awaitSubscribers(subscribersBefore + 1);
        String subscribed = scrape();

        send(alice, conversationId, "counted");
        send(alice, conversationId, "counted too");
        received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String during = scrape();
        socket.stop().block(TIMEOUT);

        assertThat(increase(before, during, "chatql_messages_sent_total")).isEqualTo(2);
        assertThat(increase(before, during, "chatql_subscription_deliveries_total"))
                .isGreaterThanOrEqualTo(2);
        assertThat(increase(before, during, "chatql_delivery_latency_seconds_count"))
                .isGreaterThanOrEqualTo(2);
        assertThat(during).contains("chatql_delivery_latency_seconds_bucket{le=");
        assertThat(increase(before, subscribed, "chatql_connections_open" + TRANSPORT_WS))
                .isEqualTo(1);
        assertThat(increase(before, subscribed, "chatql_subscriptions_active" + TRANSPORT_WS))
                .isEqualTo(1);
        assertThat(during).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count");
    }

    @Test
    void subscriptionsOverServerSentEventsAreOpenConnections() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        String before = scrape();
        int subscribersBefore = subscribers.count();
        Disposable stream =
                client().newMessagesOverServerSentEvents(alice, conversationId).subscribe();
        awaitSubscribers(subscribersBefore + 1);

        String during = scrape();
        stream.dispose();

        assertThat(increase(before, during, "chatql_connections_open{protocol=\"graphql-sse\"}"))
                .isEqualTo(1);
    }

    @Test
    void requestsAndConnectionsWithoutValidCredentialsAreCounted() {
        String before = scrape();

        http().post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ me { id } }"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        rawWebSocket("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"not-a-token\"}}");
        String after = scrape();

        assertThat(increase(before, after, "chatql_auth_failures_total{transport=\"http\"}"))
                .isEqualTo(1);
        assertThat(increase(before, after, "chatql_auth_failures_total{transport=\"websocket\"}"))
                .isEqualTo(1);
    }

    private String scrape() {
        return http().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** How much {@code series} grew between two scrapes; a series not yet there counts as 0. */
    private static double increase(String before, String after, String series) {
        return valueOf(after, series) - valueOf(before, series);
    }

    private static double valueOf(String scrape, String series) {
        Matcher value = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
