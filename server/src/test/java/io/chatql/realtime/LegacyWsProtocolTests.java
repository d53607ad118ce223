package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How the frames of Apollo's subscriptions-transport-ws are read, the bad ones above all. */
class LegacyWsProtocolTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private final LegacyWsProtocol protocol = new LegacyWsProtocol(json);

    @ParameterizedTest
    @ValueSource(strings = {"start", "", "[]", "\"start\"", "1"})
    void aFrameThatIsNotAJsonObjectIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Invalid("Message is not a JSON object"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"type\":true}"})
    void aMessageWithoutATypeStringIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Invalid("Message has no type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"subscribe", "complete", "ping", "pong"})
    void theWordsOfGraphqlTransportWsAreUnknown(String type) {
        assertThat(protocol.decode("{\"type\":\"" + type + "\",\"id\":\"1\"}"))
                .isEqualTo(new ClientMessage.Invalid("Unknown message type " + type));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"start\",\"payload\":{}}",
                "{\"type\":\"start\",\"id\":1}",
                "{\"type\":\"stop\",\"id\":\"\"}"
            })
    void aStartOrStopWithoutANonEmptyIdStringIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Invalid("Message has no id"));
    }

    @Test
    void aStartCarriesItsPayloadAsTheRequest() {
        ClientMessage message = protocol.decode(
                "{\"type\":\"start\",\"id\":\"1\",\"payload\":{\"query\":\"subscription { x }\",\"operationName\":null}}");

        assertThat(message).isInstanceOfSatisfying(ClientMessage.Subscribe.class, start -> {
            assertThat(start.id()).isEqualTo("1");
            assertThat(start.request()).containsEntry("query", "subscription { x }");
            assertThat(start.credentials()).isEmpty();
        });
    }

    @Test
    void aStopEndsTheOperationAndIsConfirmedWithComplete() {
        assertThat(protocol.decode("{\"type\":\"stop\",\"id\":\"1\"}")).isEqualTo(new ClientMessage.Stop("1"));
        assertThat(protocol.confirmsStop()).isTrue();
        assertThat(protocol.complete("1")).isEqualTo("{\"type\":\"complete\",\"id\":\"1\"}");
    }

    @Test
    void connectionTerminateEndsTheConnection() {
        assertThat(protocol.decode("{\"type\":\"connection_terminate\"}")).isEqualTo(new ClientMessage.Terminate());
    }

    @Test
    void aConnectionInitCarriesApolloCredentials() {
        assertThat(protocol.decode("{\"type\":\"connection_init\",\"payload\":{\"authToken\":\"t\"}}"))
                .isEqualTo(new ClientMessage.Init(Map.of("authToken", "t")));
        assertThat(protocol.decode("{\"type\":\"connection_init\",\"payload\":\"t\"}"))
                .isEqualTo(new ClientMessage.Init(Map.of()));
    }

    @Test
    void theConnectionIsAcceptedWithAnAckAndAKeepAliveAtOnce() {
        assertThat(protocol.accepted()).containsExactly("{\"type\":\"connection_ack\"}", "{\"type\":\"ka\"}");
        assertThat(protocol.keepAlive()).isEqualTo("{\"type\":\"ka\"}");
        assertThat(protocol.pong()).isNull();
    }

    @Test
    void aRefusalIsAConnectionErrorWhoseMessageIsAJsonString() {
        String reason = "Bad \"token\"\n";

        assertThat(protocol.refused(401, reason)).singleElement().satisfies(frame -> {
            JsonNode error = json.readTree(frame);
            assertThat(error.get("type").asString()).isEqualTo("connection_error");
            assertThat(error.get("payload").get("message").asString()).isEqualTo(reason);
        });
    }

    @Test
    void resultsAreDataMessages() {
        JsonNode data = json.readTree(protocol.next("op\"1", "{\"data\":{\"x\":1}}"));

        assertThat(data.get("type").asString()).isEqualTo("data");
        assertThat(data.get("id").asString()).isEqualTo("op\"1");
        assertThat(data.get("payload").get("data").get("x").asInt()).isEqualTo(1);
    }
}
