package io.chatql.realtime;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * AWS AppSync's real-time protocol on {@code /graphql/realtime}, so that AppSync and Amplify clients run
 * unchanged. The connection's credentials come with the handshake; each {@code start} carries its
 * request as a JSON string in {@code payload.data} and may repeat credentials in {@code
 * payload.extensions.authorization}.
 */
class AppSyncProtocol extends JsonProtocol {

    static final String NAME = "graphql-ws";

    /** How its connections are tagged in the meters. */
    static final String LABEL = "appsync";

    /** How long clients wait for a keep-alive before they give the connection up. */
    static final long CONNECTION_TIMEOUT_MS = 300_000;

    AppSyncProtocol(JsonMapper json) {
        super(json);
    }

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    ClientMessage decode(String type, Map<String, Object> message) {
        return switch (type) {
            case "connection_init" -> new ClientMessage.Init(Map.of());
            case "start" -> withId(message, id -> start(id, Protocol.mapOf(message.get("payload"))));
            case "stop" -> withId(message, ClientMessage.Stop::new);
            default -> new ClientMessage.Invalid("Unknown message type " + type);
        };
    }

    private ClientMessage start(String id, Map<String, Object> payload) {
        if (!(payload.get("data") instanceof String data)) {
            return new ClientMessage.Invalid("start has no payload.data string");
        }
        Map<String, Object> request = readObject(data);
        if (request == null) {
            return new ClientMessage.Invalid("start payload.data is not a JSON object");
        }
        Map<String, Object> extensions = Protocol.mapOf(payload.get("extensions"));
        return new ClientMessage.Subscribe(id, request, Protocol.mapOf(extensions.get("authorization")));
    }

    @Override
    public List<String> accepted() {
        return List.of(
                "{\"type\":\"connection_ack\",\"payload\":{\"connectionTimeoutMs\":" + CONNECTION_TIMEOUT_MS + "}}",
                keepAlive());
    }

    @Override
    public String keepAlive() {
        return "{\"type\":\"ka\"}";
    }

    @Override
    public List<String> refused(int statusCode, String message) {
        String errorType = statusCode == 401 ? "UnauthorizedException" : "BadRequestException";
        return List.of("{\"type\":\"connection_error\",\"payload\":{\"errors\":[{\"errorType\":\"" + errorType
                + "\",\"errorCode\":" + statusCode + ",\"message\":" + quote(message) + "}]}}");
    }

    @Override
    public String started(String id) {
        return operationMessage("start_ack", id);
    }

    @Override
    public String next(String id, String result) {
        return operationMessage("data", id, result);
    }

    @Override
    public String error(String id, String errors) {
        return operationMessage("error", id, "{\"errors\":" + errors + "}");
    }

    @Override
    public boolean confirmsStop() {
        return true;
    }
}
