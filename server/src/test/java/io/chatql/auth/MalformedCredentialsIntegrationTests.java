package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import io.chatql.support.RawWebSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.socket.CloseStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed credentials, the same on every transport: a 401 with a fixed answer on each HTTP endpoint
 * that needs credentials, and the protocol's refusal with a fixed message and 4401 on each WebSocket
 * protocol; never a 5xx, a Java or library class name, or a stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class MalformedCredentialsIntegrationTests extends IntegrationTest {

    private static final Pattern LEAK =
            Pattern.compile("Exception|java\\.|javax\\.|com\\.nimbusds|org\\.springframework|reactor\\.|\\tat ");

    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", error_description=\"The "
            + "credentials are not valid\", error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"";

    private static final String REFUSAL = "\"The credentials are not valid\"";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final long IN_AN_HOUR = Instant.now().plusSeconds(3600).getEpochSecond();

    static Stream<Arguments> credentials() {
        String jweHeader = base64Url("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}");
        String claims =
                base64Url("{\"iss\":\"chatql\",\"sub\":\"someone\",\"aud\":\"chatql\",\"exp\":" + IN_AN_HOUR + "}");
        return Stream.of(
                bearer("five parts", "a.b.c.d.e"),
                bearer("JWE", jweHeader + ".a2V5.aXY.Y2lwaGVy.dGFn"),
                bearer("JWE with empty parts", jweHeader + "...."),
                bearer("non-base64 segments", "***.$$$.!!!"),
                bearer("header not JSON", base64Url("not json") + "." + claims + ".c2ln"),
                bearer("header a JSON array", base64Url("[1,2]") + "." + claims + ".c2ln"),
                bearer("claims not JSON", base64Url("{\"alg\":\"RS256\"}") + "." + base64Url("{x") + ".c2ln"),
                bearer("claims a JSON string", base64Url("{\"alg\":\"RS256\"}") + "." + base64Url("\"x\"") + ".c2ln"),
                bearer("alg none", base64Url("{\"alg\":\"none\"}") + "." + claims + "."),
                bearer("alg none without iss", base64Url("{\"alg\":\"none\"}") + "." + base64Url("{}") + "."),
                bearer("unknown alg", base64Url("{\"alg\":\"XY999\",\"kid\":\"k\"}") + "." + claims + ".c2ln"),
                bearer("huge", "eyJhbGciOiJSUzI1NiJ9." + "A".repeat(6000) + ".c2ln"),
                bearer("one part", "token"),
                bearer("dots only", "....."),
                bearer("empty bearer", ""),
                bearer("odd Unicode", "\u00e9\u00e8.\u00fc\u00ff.\u00e0"),
                arguments("API key of the wrong shape", "x-api-key", "da2-???"),
                arguments("API key of many parts", "x-api-key", "chatql_a.b.c.d.e"));
    }

    /** Those too that HTTP headers cannot carry, but JSON can. */
    static Stream<Arguments> credentialsInJson() {
        return Stream.concat(
                credentials(),
                Stream.of(
                        bearer("emoji, a lone surrogate and NUL", "\ud83d\udca5.\ud800.\u0000"),
                        arguments("API key with a lone surrogate", "x-api-key", "da2-\udc00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void httpEndpointsAnswer401(String name, String header, String value, CapturedOutput output) {
        for (String path : List.of("/graphql", "/auth/change-password", "/analytics/events")) {
            EntityExchangeResult<byte[]> result = http().post()
                    .uri(path)
                    .header(header, value)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"query\":\"{ me { id } }\"}")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .returnResult();

            String answer = String.valueOf(result.getResponseHeaders().get(HttpHeaders.WWW_AUTHENTICATE))
                    + new String(
                            result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent(),
                            StandardCharsets.UTF_8);
            assertThat(answer).as(path).doesNotContainPattern(LEAK);
        }
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialsInJson")
    void graphQlTransportWsClosesWith4401(String name, String header, String value, CapturedOutput output)
            throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-transport-ws")) {
            socket.send(init(header, value));

            assertThat(socket.closeStatus(TIMEOUT)).isEqualTo(new CloseStatus(4401, "Unauthorized"));
        }
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialsInJson")
    void legacyProtocolRefusesWith4401(String name, String header, String value, CapturedOutput output)
            throws Exception {
        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-ws")) {
            socket.send(init(header, value));

            assertThat(socket.awaitContaining("connection_error"))
                    .isEqualTo("{\"type\":\"connection_error\",\"payload\":{\"message\":" + REFUSAL + "}}");
            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4401);
        }
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void appSyncRefusesWith4401(String name, String header, String value, CapturedOutput output) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.set(header, value);
        URI uri = URI.create("ws://127.0.0.1:" + port + "/graphql/realtime");

        try (RawWebSocket socket = RawWebSocket.connect(uri, headers, "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\"}");

            assertThat(socket.awaitContaining("connection_error"))
                    .isEqualTo("{\"type\":\"connection_error\",\"payload\":{\"errors\":[{\"errorType\":"
                            + "\"UnauthorizedException\",\"errorCode\":401,\"message\":" + REFUSAL + "}]}}");
            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4401);
        }
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentialsInJson")
    void appSyncStartWithMalformedCredentialsGetsAFixedError(
            String name, String header, String value, CapturedOutput output) throws Exception {
        Account alice = signUp("alice");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, alice.accessToken());
        String data = JSON.writeValueAsString(
                JSON.writeValueAsString(Map.of("query", "subscription { subscribeToNewConversation { id } }")));

        try (RawWebSocket socket = RawWebSocket.connect(
                URI.create("ws://127.0.0.1:" + port + "/graphql/realtime"), headers, "graphql-ws")) {
            socket.send("{\"type\":\"connection_init\"}");
            socket.awaitContaining("connection_ack");
            socket.send("{\"id\":\"s1\",\"type\":\"start\",\"payload\":{\"data\":" + data
                    + ",\"extensions\":{\"authorization\":" + credentials(header, value) + "}}}");

            String error = socket.await(message -> message.contains("\"type\":\"error\""));
            assertThat(error)
                    .contains("\"id\":\"s1\"")
                    .contains("UNAUTHORIZED")
                    .contains(REFUSAL)
                    .doesNotContainPattern(LEAK);
        }
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    private static String init(String header, String value) {
        return "{\"type\":\"connection_init\",\"payload\":" + credentials(header, value) + "}";
    }

    private static String credentials(String header, String value) {
        return JSON.writeValueAsString(Map.of(header, value));
    }

    private static Arguments bearer(String name, String token) {
        return arguments(name, HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private static Arguments arguments(String name, String header, String value) {
        return Arguments.of(name, header, value);
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
