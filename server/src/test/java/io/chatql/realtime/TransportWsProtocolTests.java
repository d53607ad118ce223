package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How graphql-transport-ws frames are read, the bad ones above all, and how ids are written. */
class TransportWsProtocolTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private final TransportWsProtocol protocol = new TransportWsProtocol(json);

    @ParameterizedTest
    @ValueSource(strings = {"connection_init", "{type:'ping'}", "{\"type\":\"ping\"", "", " "})
    void aFrameThatIsNotJsonIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Invalid("Message is not a JSON object"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"type\":\"ping\"}]", "42", "true", "\"ping\""})
    void jsonThatIsNotAnObjectIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Invalid("Message is not a JSON object"));
    }

    @Test
    void jsonNullIsInvalid() {
        assertThat(protocol.decode("null")).isInstanceOf(ClientMessage.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{}", "{\"id\":\"1\"}", "{\"type\":null}", "{\"type\":1}", "{\"type\":{\"name\":\"ping\"}}"})
    void aMessageWithoutATypeStringIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Invalid("Message has no type"));
    }

    @Test
    void aTypeOfAnotherProtocolIsUnknown() {
        assertThat(protocol.decode("{\"type\":\"start\",\"id\":\"1\",\"payload\":{\"query\":\"{ me { id } }\"}}"))
                .isEqualTo(new ClientMessage.Invalid("Unknown message type start"));
        assertThat(protocol.decode("{\"type\":\"connection_terminate\"}"))
                .isEqualTo(new ClientMessage.Invalid("Unknown message type connection_terminate"));
    }

    @Test
    void typesAreCaseSensitive() {
        assertThat(protocol.decode("{\"type\":\"PING\"}"))
                .isEqualTo(new ClientMessage.Invalid("Unknown message type PING"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ me { id } }\"}}",
                "{\"type\":\"subscribe\",\"id\":1,\"payload\":{\"query\":\"{ me { id } }\"}}",
                "{\"type\":\"subscribe\",\"id\":\"\",\"payload\":{\"query\":\"{ me { id } }\"}}",
                "{\"type\":\"subscribe\",\"id\":null,\"payload\":{\"query\":\"{ me { id } }\"}}",
                "{\"type\":\"subscribe\",\"id\":[\"1\"],\"payload\":{\"query\":\"{ me { id } }\"}}"
            })
    void aSubscribeWithoutANonEmptyIdStringIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Invalid("Message has no id"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"complete\"}",
                "{\"type\":\"complete\",\"id\":7}",
                "{\"type\":\"complete\",\"id\":\"\"}"
            })
    void aCompleteWithoutANonEmptyIdStringIsInvalid(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Invalid("Message has no id"));
    }

    @Test
    void aSubscribeCarriesItsPayloadAsTheRequestAndNoCredentials() {
        ClientMessage message = protocol.decode(
                "{\"type\":\"subscribe\",\"id\":\"op-1\",\"payload\":"
                        + "{\"query\":\"subscription { x }\",\"variables\":{\"after\":\"5\"},\"extensions\":{\"authorization\":{\"x-api-key\":\"k\"}}}}");

        assertThat(message).isInstanceOfSatisfying(ClientMessage.Subscribe.class, subscribe -> {
            assertThat(subscribe.id()).isEqualTo("op-1");
            assertThat(subscribe.request())
                    .containsEntry("query", "subscription { x }")
                    .containsEntry("variables", Map.of("after", "5"));
            assertThat(subscribe.credentials()).isEmpty();
        });
    }

    @Test
    void aCompleteStopsTheOperationOfItsId() {
        assertThat(protocol.decode("{\"type\":\"complete\",\"id\":\"op-1\"}"))
                .isEqualTo(new ClientMessage.Stop("op-1"));
    }

    @Test
    void aConnectionInitCarriesItsPayloadAsCredentials() {
        assertThat(protocol.decode("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer t\"}}"))
                .isEqualTo(new ClientMessage.Init(Map.of("Authorization", "Bearer t")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"type\":\"connection_init\"}",
                "{\"type\":\"connection_init\",\"payload\":null}",
                "{\"type\":\"connection_init\",\"payload\":\"Bearer t\"}",
                "{\"type\":\"connection_init\",\"payload\":[\"Bearer t\"]}"
            })
    void aConnectionInitWithoutAnObjectPayloadCarriesNoCredentials(String frame) {
        assertThat(protocol.decode(frame)).isEqualTo(new ClientMessage.Init(Map.of()));
    }

    @Test
    void pingsAndPongsMayCarryAPayload() {
        assertThat(protocol.decode("{\"type\":\"ping\",\"payload\":{\"at\":1}}"))
                .isEqualTo(new ClientMessage.Ping());
        assertThat(protocol.decode("{\"type\":\"pong\"}")).isEqualTo(new ClientMessage.Pong());
        assertThat(protocol.pong()).isEqualTo("{\"type\":\"pong\"}");
    }

    @Test
    void theServerPingsToKeepTheConnectionAliveAndAcceptsWithAnAck() {
        assertThat(protocol.keepAlive()).isEqualTo("{\"type\":\"ping\"}");
        assertThat(protocol.accepted()).containsExactly("{\"type\":\"connection_ack\"}");
        assertThat(protocol.refused(401, "Invalid token")).isEmpty();
    }

    @Test
    void anIdIsWrittenBackAsTheJsonStringItWas() {
        String id = "a\"b\\c\n},\"type\":\"complete";

        JsonNode next = json.readTree(protocol.next(id, "{\"data\":{\"x\":1}}"));
        JsonNode error = json.readTree(protocol.error(id, "[{\"message\":\"no\"}]"));
        JsonNode complete = json.readTree(protocol.complete(id));

        assertThat(next.get("type").asString()).isEqualTo("next");
        assertThat(next.get("id").asString()).isEqualTo(id);
        assertThat(next.get("payload").get("data").get("x").asInt()).isEqualTo(1);
        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.get("id").asString()).isEqualTo(id);
        assertThat(error.get("payload").get(0).get("message").asString()).isEqualTo("no");
        assertThat(complete.get("type").asString()).isEqualTo("complete");
        assertThat(complete.get("id").asString()).isEqualTo(id);
    }

    @Test
    void aStopIsNotConfirmedAndAStartIsNotAcknowledged() {
        assertThat(protocol.confirmsStop()).isFalse();
        assertThat(protocol.started("op-1")).isNull();
    }
}
