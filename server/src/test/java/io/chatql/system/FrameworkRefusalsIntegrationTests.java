package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What Spring refuses before an endpoint runs is answered as the endpoints answer their own refusals,
 * with a fixed message and one log line at most.
 */
@ContextConfiguration(initializers = H2Database.class)
@ExtendWith(OutputCaptureExtension.class)
class FrameworkRefusalsIntegrationTests extends IntegrationTest {

    private Account alice;

    @BeforeEach
    void signIn() {
        alice = signUp("alice");
    }

    @ParameterizedTest
    @CsvSource({
        "/graphql, text/plain",
        "/graphql, multipart/form-data; boundary=x",
        "/auth/sign-in, application/xml",
        "/analytics/events, text/html"
    })
    void bodyOfAnotherMediaTypeIs415(String path, String contentType, CapturedOutput output) {
        request(HttpMethod.POST, path)
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("unsupported_media_type")
                .jsonPath("$.message")
                .isEqualTo("this path does not take a body of this Content-Type");
        assertNoStackTrace(output);
    }

    @Test
    void unreadableGraphQlRequestIs400() {
        request(HttpMethod.POST, "/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .json("{\"error\":\"invalid_request\",\"message\":\"the request is not valid\"}");
    }

    @Test
    void methodAPathDoesNotTakeIs405WithTheMethodsItTakes() {
        request(HttpMethod.DELETE, "/auth/sign-in")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "POST")
                .expectBody()
                .json("{\"error\":\"method_not_allowed\",\"message\":\"this path does not take this method\"}");
    }

    @Test
    void missingFileIs404() {
        request(HttpMethod.GET, "/no-such-script.js")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .json("{\"error\":\"not_found\",\"message\":\"there is nothing at this path\"}");
    }

    @Test
    void graphQlRequestThatAcceptsNoAnswerIs406() {
        request(HttpMethod.POST, "/graphql")
                .accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(406)
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("not_acceptable");
    }

    @Test
    void graphQlRequestSentAsApplicationGraphQlIsAnsweredWithoutTracingIt(CapturedOutput output) {
        request(HttpMethod.POST, "/graphql")
                .header(HttpHeaders.CONTENT_TYPE, "application/graphql")
                .bodyValue("{\"query\":\"{ me { username } }\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.me.username")
                .isEqualTo(alice.username());
        assertThat(output.getAll()).doesNotContain("onSubscribe").doesNotContain("onNext");
    }

    @Test
    void unreadableApplicationGraphQlBodyIs400WithoutAStackTrace(CapturedOutput output) {
        request(HttpMethod.POST, "/graphql")
                .header(HttpHeaders.CONTENT_TYPE, "application/graphql")
                .bodyValue("{ me { username } }")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("invalid_request");
        assertNoStackTrace(output);
    }

    private WebTestClient.RequestBodySpec request(HttpMethod method, String path) {
        return http().method(method)
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + alice.accessToken())
                .accept(MediaType.APPLICATION_JSON);
    }

    private static void assertNoStackTrace(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
