package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/** POST /graphql follows the GraphQL-over-HTTP spec for both of its media types. */
@ContextConfiguration(initializers = H2Database.class)
@Import(GraphQlOverHttpIntegrationTests.SessionLookups.class)
@ExtendWith(OutputCaptureExtension.class)
class GraphQlOverHttpIntegrationTests extends IntegrationTest {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    private static final String SUBSCRIPTION =
            "subscription { subscribeToNewMessage(conversationId: \\\"any\\\") { id } }";

    @Autowired
    private SessionLookups sessionLookups;

    private Account alice;

    @BeforeEach
    void signIn() {
        alice = signUp("alice");
    }

    @Test
    void answersApplicationJson() {
        post(MediaType.APPLICATION_JSON, "{ me { username } }")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.data.me.username")
                .isEqualTo(alice.username());
    }

    @Test
    void answersGraphQlResponseJson() {
        post(GRAPHQL_RESPONSE, "{ me { username } }")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(GRAPHQL_RESPONSE)
                .expectBody()
                .jsonPath("$.data.me.username")
                .isEqualTo(alice.username());
    }

    @Test
    void invalidDocumentIs400WithGraphQlResponseJson() {
        post(GRAPHQL_RESPONSE, "{ me { noSuchField } }")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("ValidationError")
                .jsonPath("$.data")
                .doesNotExist();
    }

    @Test
    void invalidDocumentIs200WithApplicationJson() {
        post(MediaType.APPLICATION_JSON, "{ me { noSuchField } }")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("ValidationError");
    }

    @Test
    void looksUpNoWebSession() {
        long before = sessionLookups.count();

        post(MediaType.APPLICATION_JSON, "{ me { username } }").expectStatus().isOk();

        assertThat(sessionLookups.count()).isEqualTo(before);
    }

    @Test
    void subscriptionIsRefusedWithApplicationJson(CapturedOutput output) {
        post(MediaType.APPLICATION_JSON, SUBSCRIPTION)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].message")
                .value(
                        String.class,
                        message -> assertThat(message).contains("WebSocket").contains("text/event-stream"))
                .jsonPath("$.data")
                .doesNotExist();
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @Test
    void subscriptionIs400WithGraphQlResponseJson() {
        post(GRAPHQL_RESPONSE, SUBSCRIPTION)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("BAD_REQUEST")
                .jsonPath("$.data")
                .doesNotExist();
    }

    @Test
    void subscriptionStartsNoLiveFeed() {
        int before = subscribers.count();

        post(MediaType.APPLICATION_JSON, SUBSCRIPTION).expectStatus().isOk();

        assertThat(subscribers.count()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/graphql", "/auth/sign-in", "/analytics/events"})
    void unparseableAcceptIs400(String path, CapturedOutput output) {
        http().post()
                .uri(path)
                .header("Authorization", "Bearer " + alice.accessToken())
                .header("Accept", "application/json;q=")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_request")
                .jsonPath("$.message")
                .isEqualTo("the Accept header is not valid");
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/graphql-response+json", "text/event-stream"})
    void emptyBodyIs400(String accept, CapturedOutput output) {
        http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + alice.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType(accept))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_request")
                .jsonPath("$.message")
                .isEqualTo("the request body is missing; send a GraphQL request {\"query\": ...}");
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private WebTestClient.ResponseSpec post(MediaType accept, String query) {
        return http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + alice.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(accept)
                .bodyValue("{\"query\":\"" + query + "\"}")
                .exchange();
    }

    /** Counts the requests that look up or create their web session. */
    @TestConfiguration(proxyBeanMethods = false)
    static class SessionLookups implements BeanPostProcessor {

        private final AtomicLong lookups = new AtomicLong();

        long count() {
            return lookups.get();
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof WebSessionManager sessions) {
                return (WebSessionManager) exchange -> Mono.defer(() -> {
                    lookups.incrementAndGet();
                    return sessions.getSession(exchange);
                });
            }
            return bean;
        }
    }
}
