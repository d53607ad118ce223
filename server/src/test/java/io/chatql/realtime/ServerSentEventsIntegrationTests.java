package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.ContextConfiguration;
import reactor.core.publisher.Flux;

/** Subscriptions over Server-Sent Events (graphql-sse, distinct connections), for networks without WebSockets. */
@ContextConfiguration(initializers = H2Database.class)
class ServerSentEventsIntegrationTests extends IntegrationTest {

    private static final String SUBSCRIPTION =
            "subscription($id: ID!) { subscribeToNewMessage(conversationId: $id) { id content } }";

    @Test
    void newMessagesArriveAsNextEvents() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        int subscribersBefore = subscribers.count();

        CompletableFuture<List<String>> received = events(alice.accessToken(), conversationId)
                .filter(event -> "next".equals(event.event()))
                .map(ServerSentEventsIntegrationTests::messageId)
                .take(2)
                .collectList()
                .toFuture();
        awaitSubscribers(subscribersBefore + 1);
        List<String> sent = new ArrayList<>();
        sent.add(send(alice, conversationId, "over SSE"));
        sent.add(send(alice, conversationId, "still over SSE"));

        assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactlyElementsOf(sent);
    }

    @Test
    void nonMemberGetsAnErrorAndTheStreamCompletes() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice);

        List<ServerSentEvent<Map<String, Object>>> events = events(mallory.accessToken(), conversationId)
                .filter(event -> event.event() != null)
                .collectList()
                .block(TIMEOUT);

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("next", "complete");
        assertThat(events.get(0).data().toString()).contains("NOT_FOUND");
    }

    @Test
    void withoutATokenIsUnauthorized() {
        http().post()
                .uri("/graphql")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", SUBSCRIPTION, "variables", Map.of("id", "any")))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private static String messageId(ServerSentEvent<Map<String, Object>> event) {
        Map<?, ?> data = (Map<?, ?>) event.data().get("data");
        return (String) ((Map<?, ?>) data.get("subscribeToNewMessage")).get("id");
    }

    private Flux<ServerSentEvent<Map<String, Object>>> events(String accessToken, String conversationId) {
        return http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + accessToken)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", SUBSCRIPTION, "variables", Map.of("id", conversationId)))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody();
    }
}
