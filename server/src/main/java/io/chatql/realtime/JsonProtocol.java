package io.chatql.realtime;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** What the JSON protocols share: reading a frame as an object, and writing ids as JSON strings. */
abstract class JsonProtocol implements Protocol {

    private final JsonMapper json;

    JsonProtocol(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ClientMessage decode(String text) {
        Map<String, Object> message;
        try {
            message = Protocol.mapOf(json.readValue(text, Map.class));
        } catch (JacksonException ex) {
            return new ClientMessage.Invalid("Message is not a JSON object");
        }
        if (!(message.get("type") instanceof String type)) {
            return new ClientMessage.Invalid("Message has no type");
        }
        return decode(type, message);
    }

    /** Reads a message of the given type. */
    abstract ClientMessage decode(String type, Map<String, Object> message);

    /** Reads the id of an operation message, which must be a non-empty string. */
    static ClientMessage withId(
            Map<String, Object> message, java.util.function.Function<String, ClientMessage> reader) {
        if (message.get("id") instanceof String id && !id.isEmpty()) {
            return reader.apply(id);
        }
        return new ClientMessage.Invalid("Message has no id");
    }

    String quote(String value) {
        return json.writeValueAsString(value);
    }

    /** None of the JSON protocols confirms a start, but AppSync's. */
    @Override
    public @Nullable String started(String id) {
        return null;
    }

    /** None of the JSON protocols answers pings, but graphql-transport-ws. */
    @Override
    public @Nullable String pong() {
        return null;
    }

    @Override
    public String error(String id, String errors) {
        return operationMessage("error", id, errors);
    }

    @Override
    public String complete(String id) {
        return operationMessage("complete", id);
    }

    /** A message about one operation, without a payload. */
    String operationMessage(String type, String id) {
        return "{\"type\":\"" + type + "\",\"id\":" + quote(id) + "}";
    }

    /** A message about one operation, with a payload that is already JSON. */
    String operationMessage(String type, String id, String payload) {
        return "{\"type\":\"" + type + "\",\"id\":" + quote(id) + ",\"payload\":" + payload + "}";
    }

    String write(@Nullable Object value) {
        return json.writeValueAsString(value);
    }

    @SuppressWarnings("unchecked")
    @Nullable
    Map<String, Object> readObject(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (JacksonException ex) {
            return null;
        }
    }
}
