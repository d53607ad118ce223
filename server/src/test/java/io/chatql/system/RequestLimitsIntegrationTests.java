package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.analytics.RealtimeActivity;
import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import io.chatql.support.RawWebSocket;
import io.chatql.support.WireWebSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/**
 * Every way in takes a request body or WebSocket message of up to 1 MB, and refuses a larger one
 * clearly, whether its length is declared or not: 413 over HTTP, close code 1009 over WebSocket.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class RequestLimitsIntegrationTests extends IntegrationTest {

    private static final int ONE_MEGABYTE = 1024 * 1024;

    /** Under 1 MB, and well over the 256 KB that Spring buffers by default. */
    private static final int NEARLY_ONE_MEGABYTE = ONE_MEGABYTE - 4096;

    private static final String TOO_LARGE =
            "{\"error\":\"payload_too_large\",\"message\":\"the request body must be at most 1 MB\"}";

    @Autowired
    private RealtimeActivity realtime;

    private Account alice;

    @BeforeEach
    void signIn() {
        alice = signUp("alice");
    }

    @Test
    void graphQlBodyOfNearly1MegabyteIsAnswered(CapturedOutput output) {
        post("/graphql", MediaType.APPLICATION_JSON, graphQlBody(NEARLY_ONE_MEGABYTE), false)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.me.id")
                .isEqualTo(alice.userId());
        assertNoStackTrace(output);
    }

    @Test
    void graphQlBodyOfNearly1MegabyteIsAnsweredOverServerSentEvents(CapturedOutput output) {
        String subscription =
                "subscription { subscribeToNewMessage(conversationId: \\\"no-such-conversation\\\") { id } }";
        post("/graphql", MediaType.TEXT_EVENT_STREAM, graphQlBody(subscription, NEARLY_ONE_MEGABYTE), true)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(events -> assertThat(events).contains("event:next").contains("NOT_FOUND"));
        assertNoStackTrace(output);
    }

    @Test
    void authBodyOfNearly1MegabyteIsReadAndRefusedOnItsMerits(CapturedOutput output) {
        String body = "{\"username\":\"" + "x".repeat(NEARLY_ONE_MEGABYTE) + "\",\"password\":\"secret\"}";
        post("/auth/sign-in", MediaType.APPLICATION_JSON, body, true)
                .expectStatus()
                .value(status -> assertThat(status).isBetween(400, 499).isNotEqualTo(413));
        assertNoStackTrace(output);
    }

    @Test
    void analyticsBodyOfNearly1MegabyteIsReadAndRefusedOnItsMerits(CapturedOutput output) {
        String body = "{\"events\":[],\"padding\":\"" + "x".repeat(NEARLY_ONE_MEGABYTE) + "\"}";
        post("/analytics/events", MediaType.APPLICATION_JSON, body, true)
                .expectStatus()
                .value(status -> assertThat(status).isBetween(200, 499).isNotEqualTo(413));
        assertNoStackTrace(output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/graphql", "/graphql (Server-Sent Events)", "/auth/sign-in", "/analytics/events"})
    void bodyOver1MegabyteWithoutADeclaredLengthIs413(String endpoint, CapturedOutput output) {
        boolean events = endpoint.endsWith("(Server-Sent Events)");
        String path = endpoint.split(" ")[0];
        post(
                        path,
                        events ? MediaType.TEXT_EVENT_STREAM : MediaType.APPLICATION_JSON,
                        graphQlBody(ONE_MEGABYTE + 1),
                        true)
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .json(TOO_LARGE, JsonCompareMode.STRICT);
        assertNoStackTrace(output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/graphql", "/analytics/events"})
    void bodyDeclaredOver1MegabyteIs413(String path) {
        post(path, MediaType.APPLICATION_JSON, graphQlBody(ONE_MEGABYTE + 1), false)
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .json(TOO_LARGE, JsonCompareMode.STRICT);
    }

    @Test
    void requestLineOver4KilobytesIs414(CapturedOutput output) {
        get("/graphql?query=" + "x".repeat(4 * 1024)).expectStatus().isEqualTo(414);
        assertNoStackTrace(output);
    }

    @Test
    void headersOver8KilobytesAre431(CapturedOutput output) {
        http().get()
                .uri("/actuator/health")
                .header("X-Padding", "x".repeat(8 * 1024))
                .exchange()
                .expectStatus()
                .isEqualTo(431);
        assertNoStackTrace(output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "graphql-ws", "appsync"})
    void webSocketMessageOfNearly1MegabyteIsRead(String protocol, CapturedOutput output) throws Exception {
        try (RawWebSocket socket = connect(protocol)) {
            socket.send(connectionInit(protocol, NEARLY_ONE_MEGABYTE));

            assertThat(socket.awaitContaining("connection_ack")).isNotEmpty();
        }
        assertNoStackTrace(output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "graphql-ws", "appsync"})
    void webSocketMessageOver1MegabyteClosesTheConnectionWith1009(String protocol, CapturedOutput output)
            throws Exception {
        try (WireWebSocket socket = WireWebSocket.connect(port, path(protocol), subProtocolOf(protocol))) {
            socket.announceFrame(ONE_MEGABYTE + 1);

            assertThat(socket.awaitCloseCode()).isEqualTo(1009);
        }
        assertNoStackTrace(output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "graphql-ws", "appsync"})
    void webSocketMessageOfNearly1MegabyteInFragmentsIsRead(String protocol, CapturedOutput output) throws Exception {
        try (WireWebSocket socket = WireWebSocket.connect(port, path(protocol), subProtocolOf(protocol))) {
            socket.sendFragmented(connectionInit(protocol, NEARLY_ONE_MEGABYTE), 256 * 1024);

            assertThat(socket.awaitContaining("connection_ack")).isNotEmpty();
        }
        assertNoStackTrace(output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "graphql-ws", "appsync"})
    void webSocketMessageOver1MegabyteInFragmentsClosesTheConnectionWith1009(String protocol, CapturedOutput output)
            throws Exception {
        try (WireWebSocket socket = WireWebSocket.connect(port, path(protocol), subProtocolOf(protocol))) {
            socket.sendFragmented(connectionInit(protocol, ONE_MEGABYTE + 1), 256 * 1024);

            assertThat(socket.awaitCloseCode()).isEqualTo(1009);
        }
        assertNoStackTrace(output);
    }

    private String graphQlBody(int size) {
        return graphQlBody("{ me { id } }", size);
    }

    /** A request for {@code document}, padded to {@code size} bytes with a variable it does not use. */
    private String graphQlBody(String document, int size) {
        String start = "{\"query\":\"" + document + "\",\"variables\":{\"padding\":\"";
        String end = "\"}}";
        return start + "x".repeat(size - start.length() - end.length()) + end;
    }

    /**
     * Posts {@code body}, its length declared or, when {@code chunked}, not: sent in pieces of 64 KB
     * with {@code Transfer-Encoding: chunked}.
     */
    private WebTestClient.ResponseSpec post(String path, MediaType accept, String body, boolean chunked) {
        WebTestClient.RequestBodySpec request = http().post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + alice.accessToken())
                .accept(accept)
                .contentType(MediaType.APPLICATION_JSON);
        if (!chunked) {
            return request.bodyValue(body).exchange();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int piece = 64 * 1024;
        Flux<DataBuffer> pieces = Flux.range(0, (bytes.length + piece - 1) / piece)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        ByteBuffer.wrap(bytes, i * piece, Math.min(piece, bytes.length - i * piece))));
        return request.body(BodyInserters.fromDataBuffers(pieces)).exchange();
    }

    @ParameterizedTest
    @ValueSource(strings = {"graphql-transport-ws", "graphql-ws", "appsync"})
    void connectionClosedInTheMiddleOfAFragmentedMessageLeavesNothingInTheLog(String protocol, CapturedOutput output)
            throws Exception {
        int connectionsBefore = realtime.openConnections();
        try (WireWebSocket socket = WireWebSocket.connect(port, path(protocol), subProtocolOf(protocol))) {
            socket.sendFrame(0x1, false, "{\"type\":".getBytes(StandardCharsets.UTF_8));
            socket.sendFrame(0x8, true, new byte[] {0x03, (byte) 0xe8});

            assertThat(socket.awaitCloseCode()).isEqualTo(1000);
        }
        awaitOpenConnections(connectionsBefore);

        assertNoStackTrace(output);
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    private void awaitOpenConnections(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (realtime.openConnections() != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(realtime.openConnections()).isEqualTo(count);
    }

    private WebTestClient.ResponseSpec get(String uri) {
        return http().get()
                .uri(URI.create("http://127.0.0.1:" + port + uri))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + alice.accessToken())
                .accept(MediaType.APPLICATION_JSON)
                .exchange();
    }

    private RawWebSocket connect(String protocol) {
        return RawWebSocket.connect(
                URI.create("ws://127.0.0.1:" + port + path(protocol)), new HttpHeaders(), subProtocolOf(protocol));
    }

    private String path(String protocol) {
        return webSocketPath(protocol, alice.accessToken());
    }

    /** A {@code connection_init} message of {@code size} bytes, padded with a field the server ignores. */
    private String connectionInit(String protocol, int size) {
        String start = protocol.equals("appsync")
                ? "{\"type\":\"connection_init\",\"padding\":\""
                : "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + alice.accessToken()
                        + "\",\"padding\":\"";
        String end = protocol.equals("appsync") ? "\"}" : "\"}}";
        return start + "x".repeat(size - start.length() - end.length()) + end;
    }

    private static void assertNoStackTrace(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
