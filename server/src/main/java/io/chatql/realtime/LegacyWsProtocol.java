package io.chatql.realtime;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The legacy protocol of Apollo's subscriptions-transport-ws (subprotocol {@code graphql-ws}) on
 * {@code /graphql}, for older Apollo clients.
 */
class LegacyWsProtocol extends JsonProtocol {

    static final String NAME = "graphql-ws";

    /** How its connections are tagged in the meters. */
    static final String LABEL = "subscriptions-transport-ws";

    LegacyWsProtocol(JsonMapper json) {
        super(json);
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    ClientMessage decode(String type, Map<String, Object> message) {
        return switch (type) {
            case "connection_init" -> new ClientMessage.Init(Protocol.mapOf(message.get("payload")));
            case "start" ->
                withId(
                        message,
                        id -> new ClientMessage.Subscribe(id, Protocol.mapOf(message.get("payload")), Map.of()));
            case "stop" -> withId(message, ClientMessage.Stop::new);
            case "connection_terminate" -> new ClientMessage.Terminate();
            default -> new ClientMessage.Invalid("Unknown message type " + type);
        };
    }

    @Override
    public List<String> accepted() {
        return List.of("{\"type\":\"connection_ack\"}", keepAlive());
    }

    @Override
    public String keepAlive() {
        return "{\"type\":\"ka\"}";
    }

    @Override
    public List<String> refused(int statusCode, String message) {
        return List.of("{\"type\":\"connection_error\",\"payload\":{\"message\":" + quote(message) + "}}");
    }

    @Override
    public String next(String id, String result) {
        return operationMessage("data", id, result);
    }

    @Override
    public boolean confirmsStop() {
        return true;
    }
}
