package io.chatql.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over HTTP, on every endpoint and every GraphQL operation of the schema, over POST, GET
 * and Server-Sent Events: never a 5xx, a class name or an {@code INTERNAL_ERROR}, and a refused
 * request writes nothing.
 */
abstract class HttpFuzzIntegrationTests extends FuzzIntegrationTest {

    private static final List<String> AUTH_ENDPOINTS = List.of(
            "/auth/sign-up",
            "/auth/confirm-sign-up",
            "/auth/resend-confirmation",
            "/auth/sign-in",
            "/auth/refresh",
            "/auth/sign-out",
            "/auth/forgot-password",
            "/auth/confirm-forgot-password",
            "/auth/change-password",
            "/analytics/events");

    private static final List<String> BODY_MEMBERS =
            List.of("username", "email", "password", "code", "refreshToken", "oldPassword", "newPassword", "events");

    /**
     * Metrics for operators, whose {@code exception} tag names the exception that ended a request, as
     * Micrometer records it: checked for its status only.
     */
    private static final String METRICS = "/actuator/prometheus";

    private static final List<String> OTHER_ENDPOINTS = List.of(
            "/graphql",
            "/graphql/realtime",
            "/.well-known/jwks.json",
            "/.well-known/openid-configuration",
            "/actuator/health",
            "/actuator/health/liveness",
            "/actuator/health/readiness",
            METRICS,
            "/",
            "/conversations",
            "/index.html",
            "/no/such/path",
            "/auth",
            "/auth/sign-in/",
            "/files/uploads/",
            "/files/uploads/bm90LWEtdG9rZW4.c2lnbmF0dXJl",
            "/files/bm90LWEtdG9rZW4.c2lnbmF0dXJl",
            "/files/not-a-token");

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");

    /** Under the 4096 bytes of a request line, with its method and protocol version. */
    private static final int MAX_URI = 4000;

    private static final List<Operation> OPERATIONS = SchemaOperations.all();

    private Account alice;

    private String conversationId;

    private RawHttp raw;

    @BeforeEach
    void conversation() {
        alice = signUp("alice");
        conversationId = startConversation(alice);
        raw = new RawHttp(port);
    }

    @Test
    void everyBodyEndpointAnswersHostileBodiesAndHeadersWithoutAServerError() {
        Account mallory = signUp("mallory");
        for (String endpoint : AUTH_ENDPOINTS) {
            Trials.run("POST " + endpoint, hostile -> {
                Map<String, String> headers = headers(hostile, mallory);
                String json = hostileObject(hostile);
                byte[] body = hostile.chance(30) ? hostile.broken(json) : json.getBytes(StandardCharsets.UTF_8);
                Map<String, Long> rowsBefore = storedRows();

                RawHttp.Answer answer = raw.send("POST", endpoint, headers, body);

                assertServed(answer, endpoint);
                if (answer.status() >= 400) {
                    assertThat(storedRows()).as("rows after %s", answer).isEqualTo(rowsBefore);
                }
            });
        }
    }

    @Test
    void everyOtherEndpointAnswersHostileMethodsHeadersAndQueriesWithoutAServerError() {
        for (String endpoint : OTHER_ENDPOINTS) {
            Trials.run("any method " + endpoint, hostile -> {
                String uri =
                        withinLineLimit(endpoint + "?" + encode(hostile.string()) + "=" + encode(hostile.string()));
                Map<String, String> headers = headers(hostile, alice);
                String method = hostile.pick(METHODS);

                byte[] body = method.equals("GET") ? null : hostile.broken(hostile.json());

                RawHttp.Answer answer = raw.send(method, uri, headers, body);

                assertThat(answer.status())
                        .as("status of %s %s: %s", method, uri, answer)
                        .isLessThan(500);
                if (!endpoint.equals(METRICS)) {
                    Leaks.assertNoneIn("the answer to " + method + " " + uri, answer.body());
                }
            });
        }
    }

    @Test
    void everyGraphQlOperationAnswersHostileRequestsWithoutAServerError() {
        assertThat(OPERATIONS)
                .extracting(Operation::field)
                .contains("me", "createMessage", "createApiKey", "subscribeToNewMessage", "analyticsSeries");
        for (Operation operation : OPERATIONS) {
            Trials.run("POST /graphql " + operation.field(), hostile -> {
                String body = requests(hostile).body(operation);
                Map<String, String> headers = graphQlHeaders(hostile, "application/json");
                Map<String, Long> rowsBefore = storedRows();

                RawHttp.Answer answer = raw.send("POST", "/graphql", headers, bytes(body, hostile));

                assertGraphQlServed(answer, body);
                if (refused(answer, operation)) {
                    assertThat(storedRows())
                            .as("rows after %s refused %s", operation.field(), answer)
                            .isEqualTo(rowsBefore);
                }
            });
        }
    }

    @Test
    void everyGraphQlOperationAnswersHostileRequestsOverGetWithoutAServerError() {
        for (Operation operation : OPERATIONS) {
            Trials.run("GET /graphql " + operation.field(), hostile -> {
                HostileRequests requests = requests(hostile);
                String uri = withinLineLimit("/graphql?query=" + encode(requests.document(operation)) + "&variables="
                        + encode(requests.variables(operation)));
                Map<String, Long> rowsBefore = storedRows();

                RawHttp.Answer answer = raw.send("GET", uri, graphQlHeaders(hostile, "application/json"), null);

                assertGraphQlServed(answer, uri);
                assertThat(storedRows()).as("rows after GET %s", answer).isEqualTo(rowsBefore);
            });
        }
    }

    @Test
    void everyGraphQlOperationAnswersHostileRequestsOverServerSentEventsWithoutAServerError() {
        for (Operation operation : OPERATIONS) {
            Trials.run("POST /graphql (Server-Sent Events) " + operation.field(), hostile -> {
                String body = requests(hostile).body(operation);
                Map<String, String> headers = graphQlHeaders(hostile, "text/event-stream");

                RawHttp.Answer answer =
                        raw.postReadingFor("/graphql", headers, bytes(body, hostile), Duration.ofMillis(300));

                assertGraphQlServed(answer, body);
            });
        }
    }

    private HostileRequests requests(Hostile hostile) {
        return new HostileRequests(
                hostile, List.of(conversationId, alice.userId(), alice.username(), "no-such-id", "42"));
    }

    /** Headers of a request with a body: usually right, sometimes hostile. */
    private static Map<String, String> headers(Hostile hostile, Account account) {
        Map<String, String> headers = new HashMap<>();
        if (hostile.chance(80)) {
            headers.put("Content-Type", hostile.chance(50) ? "application/json" : hostile.contentType());
        }
        if (hostile.chance(50)) {
            headers.put("Accept", hostile.accept());
        }
        if (hostile.chance(70)) {
            headers.put("Authorization", hostile.authorization(account.accessToken()));
        }
        return headers;
    }

    /** Headers of a GraphQL request, as a client sends them four times in five. */
    private Map<String, String> graphQlHeaders(Hostile hostile, String accept) {
        if (hostile.chance(20)) {
            return headers(hostile, alice);
        }
        return Map.of(
                "Content-Type", "application/json", "Accept", accept, "Authorization", "Bearer " + alice.accessToken());
    }

    private static String hostileObject(Hostile hostile) {
        if (hostile.chance(10)) {
            return hostile.json();
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String member : BODY_MEMBERS) {
            if (hostile.chance(60)) {
                names.add(member);
                values.add(hostile.chance(30) ? Hostile.quote(uniqueName("fuzz")) : hostile.json());
            }
        }
        return Hostile.object(names, values);
    }

    private static byte[] bytes(String body, Hostile hostile) {
        return hostile.chance(10) ? hostile.broken(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code uri} cut, perhaps within a percent-escape, to fit the request line that Netty reads. It
     * answers a longer one with 414 itself, before reading the request, and closes the connection on
     * a client still sending its body, which then sees a reset instead; RequestLimitsIntegrationTests
     * checks that answer.
     */
    private static String withinLineLimit(String uri) {
        return uri.length() <= MAX_URI ? uri : uri.substring(0, MAX_URI);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Whether the server refused the operation: an error status, or errors and no data for its field. */
    private static boolean refused(RawHttp.Answer answer, Operation operation) {
        return answer.status() >= 400
                || !answer.body().contains("\"" + operation.field() + "\":{")
                        && !answer.body().contains("\"" + operation.field() + "\":[");
    }

    private static void assertServed(RawHttp.Answer answer, String request) {
        assertThat(answer.status()).as("status of %s: %s", request, answer).isLessThan(500);
        Leaks.assertNoneIn("the answer to " + request, answer.body());
    }

    private static void assertGraphQlServed(RawHttp.Answer answer, String request) {
        assertServed(answer, Leaks.abbreviated(request));
        assertThat(answer.body()).as("answer to %s", Leaks.abbreviated(request)).doesNotContain("INTERNAL_ERROR");
    }
}
