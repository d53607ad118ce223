package io.chatql.realtime;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One real-time protocol's words: how it reads client messages and writes server messages. The
 * connection logic, the same for every protocol, is in {@link RealtimeConnection}.
 */
interface Protocol {

    /** The protocol's name in metrics. */
    String label();

    /** Reads one text frame. */
    ClientMessage decode(String text);

    /** The messages that accept the connection. */
    List<String> accepted();

    /** The message sent periodically to keep the connection alive. */
    String keepAlive();

    /** The answer to a ping, or null when the protocol has none. */
    @Nullable
    String pong();

    /** The messages that refuse the connection before it is closed with {@code status}. */
    List<String> refused(int statusCode, String message);

    /** The message that confirms an operation was started, or null when the protocol has none. */
    @Nullable
    String started(String id);

    /** One result of an operation; {@code result} is the serialized GraphQL result. */
    String next(String id, String result);

    /** The errors that end an operation; {@code errors} is the serialized list of GraphQL errors. */
    String error(String id, String errors);

    /** The end of an operation. */
    String complete(String id);

    /** Whether a stopped operation is confirmed with {@link #complete}. */
    boolean confirmsStop();

    /** Reads a JSON object member as a map, or an empty map when it is absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapOf(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
