package io.chatql.realtime;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** graphql-transport-ws, the protocol of the graphql-ws library, on {@code /graphql}. */
class TransportWsProtocol extends JsonProtocol {

    static final String NAME = "graphql-transport-ws";

    /** How its connections are tagged in the meters. */
    static final String LABEL = "graphql-transport-ws";

    TransportWsProtocol(JsonMapper json) {
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
            case "subscribe" ->
                withId(
                        message,
                        id -> new ClientMessage.Subscribe(id, Protocol.mapOf(message.get("payload")), Map.of()));
            case "complete" -> withId(message, ClientMessage.Stop::new);
            case "ping" -> new ClientMessage.Ping();
            case "pong" -> new ClientMessage.Pong();
            default -> new ClientMessage.Invalid("Unknown message type " + type);
        };
    }

    @Override
    public List<String> accepted() {
        return List.of("{\"type\":\"connection_ack\"}");
    }

    @Override
    public String keepAlive() {
        return "{\"type\":\"ping\"}";
    }

    @Override
    public String pong() {
        return "{\"type\":\"pong\"}";
    }

    @Override
    public List<String> refused(int statusCode, String message) {
        return List.of();
    }

    @Override
    public String next(String id, String result) {
        return operationMessage("next", id, result);
    }

    @Override
    public boolean confirmsStop() {
        return false;
    }
}
