package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How AppSync's real-time frames are read, the bad ones above all, and how its answers are written. */
class AppSyncProtocolTests {

    private static final String DATA =
            "\"{\\\"query\\\":\\\"subscription { x }\\\",\\\"variables\\\":{\\\"id\\\":\\\"c1\\\"}}\"";

    private final JsonMapper json = JsonMapper.builder().build();

    private final AppSyncProtocol protocol = new AppSyncProtocol(json);

    @ParameterizedTest
    @ValueSource(strings = {"ka", "", "[]", "{\"type\":\"start\"", "null"})
    void aFrameThatIsNotAJsonObjectIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isInstanceOf(ClientMessage.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"subscribe", "complete", "ping", "connection_terminate", "ka"})
    void wordsOfOtherProtocolsAreUnknown(String type) {
        assertThat(protocol.decode("{\"type\":\"" + type + "\",\"id\":\"1\"}"))
                .isEqualTo(new ClientMessage.Invalid("Unknown message type " + type));
    }

    @Test
    void aStartCarriesItsRequestAsAJsonStringInData() {
        ClientMessage message = protocol.decode("{\"type\":\"start\",\"id\":\"u-1\",\"payload\":{\"data\":" + DATA
                + ",\"extensions\":{\"authorization\":{\"Authorization\":\"jwt\",\"host\":\"chat.example.com\"}}}}");

        assertThat(message).isInstanceOfSatisfying(ClientMessage.Subscribe.class, start -> {
            assertThat(start.id()).isEqualTo("u-1");
            assertThat(start.request())
                    .containsEntry("query", "subscription { x }")
                    .containsEntry("variables", Map.of("id", "c1"));
            assertThat(start.credentials()).containsEntry("Authorization", "jwt");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ",\"extensions\":{}",
                ",\"extensions\":\"jwt\"",
                ",\"extensions\":{\"authorization\":null}",
                ",\"extensions\":{\"authorization\":\"jwt\"}"
            })
    void aStartWithoutAnAuthorizationObjectRunsWithTheConnectionsCredentials(String extensions) {
        ClientMessage message =
                protocol.decode("{\"type\":\"start\",\"id\":\"u-1\",\"payload\":{\"data\":" + DATA + extensions + "}}");

        assertThat(message)
                .isInstanceOfSatisfying(
                        ClientMessage.Subscribe.class,
                        start -> assertThat(start.credentials()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"start\",\"id\":\"u-1\"}",
                "{\"type\":\"start\",\"id\":\"u-1\",\"payload\":\"{}\"}",
                "{\"type\":\"start\",\"id\":\"u-1\",\"payload\":{}}",
                "{\"type\":\"start\",\"id\":\"u-1\",\"payload\":{\"data\":{\"query\":\"subscription { x }\"}}}",
                "{\"type\":\"start\",\"id\":\"u-1\",\"payload\":{\"data\":null}}"
            })
    void aStartWhoseDataIsNotAStringIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Invalid("start has no payload.data string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"subscription { x }\"", "\"\"", "\"[]\"", "\"null\"", "\"42\""})
    void aStartWhoseDataStringIsNotAJsonObjectIsInvalid(String data) {
        assertThat(protocol.decode("{\"type\":\"start\",\"id\":\"u-1\",\"payload\":{\"data\":" + data + "}}"))
                .isEqualTo(new ClientMessage.Invalid("start payload.data is not a JSON object"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"start\",\"payload\":{\"data\":\"{}\"}}",
                "{\"type\":\"stop\",\"id\":5}",
                "{\"type\":\"stop\",\"id\":\"\"}"
            })
    void aStartOrStopWithoutANonEmptyIdStringIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Invalid("Message has no id"));
    }

    @Test
    void aConnectionInitCarriesNoCredentialsForTheyCameWithTheHandshake() {
        assertThat(protocol.decode("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"jwt\"}}"))
                .isEqualTo(new ClientMessage.Init(Map.of()));
    }

    @Test
    void theAckTellsTheTimeoutAndIsFollowedByAKeepAliveAtOnce() {
        assertThat(protocol.accepted())
                .containsExactly(
                        "{\"type\":\"connection_ack\",\"payload\":{\"connectionTimeoutMs\":300000}}",
                        "{\"type\":\"ka\"}");
        assertThat(protocol.pong()).isNull();
    }

    @Test
    void aStartIsAcknowledgedAndAStopConfirmed() {
        assertThat(protocol.started("u-1")).isEqualTo("{\"type\":\"start_ack\",\"id\":\"u-1\"}");
        assertThat(protocol.decode("{\"type\":\"stop\",\"id\":\"u-1\"}")).isEqualTo(new ClientMessage.Stop("u-1"));
        assertThat(protocol.confirmsStop()).isTrue();
        assertThat(protocol.complete("u-1")).isEqualTo("{\"type\":\"complete\",\"id\":\"u-1\"}");
    }

    @Test
    void refusedCredentialsAreANonRetryableUnauthorizedConnectionError() {
        JsonNode error = onlyError(protocol.refused(401, "Invalid \"token\""));

        assertThat(error.get("errorType").asString()).isEqualTo("UnauthorizedException");
        assertThat(error.get("errorCode").asInt()).isEqualTo(401);
        assertThat(error.get("message").asString()).isEqualTo("Invalid \"token\"");
    }

    @Test
    void otherRefusalsAreBadRequestConnectionErrorsWithTheirCode() {
        JsonNode error = onlyError(protocol.refused(403, "Too many connections for this user"));

        assertThat(error.get("errorType").asString()).isEqualTo("BadRequestException");
        assertThat(error.get("errorCode").asInt()).isEqualTo(403);
    }

    @Test
    void operationErrorsAreWrappedInAnErrorsMember() {
        JsonNode error = json.readTree(protocol.error("u-1", "[{\"message\":\"no\",\"errorType\":\"FORBIDDEN\"}]"));

        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.get("id").asString()).isEqualTo("u-1");
        assertThat(error.get("payload").get("errors").get(0).get("message").asString())
                .isEqualTo("no");
    }

    private JsonNode onlyError(List<String> frames) {
        assertThat(frames).hasSize(1);
        JsonNode message = json.readTree(frames.get(0));
        assertThat(message.get("type").asString()).isEqualTo("connection_error");
        JsonNode errors = message.get("payload").get("errors");
        assertThat(errors.size()).isEqualTo(1);
        return errors.get(0);
    }
}
