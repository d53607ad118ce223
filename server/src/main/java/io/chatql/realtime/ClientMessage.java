package io.chatql.realtime;

import java.util.Map;

/** What a client sent over a real-time connection, whatever the protocol's own words for it. */
sealed interface ClientMessage {

    /** Opens the connection; the payload may carry credentials. */
    record Init(Map<String, Object> payload) implements ClientMessage {}

    /**
     * Starts an operation.
     *
     * @param request the GraphQL request: query, variables, operationName, extensions
     * @param credentials credentials given for this operation alone, empty when none
     */
    record Subscribe(String id, Map<String, Object> request, Map<String, Object> credentials)
            implements ClientMessage {}

    /** Ends an operation. */
    record Stop(String id) implements ClientMessage {}

    record Ping() implements ClientMessage {}

    record Pong() implements ClientMessage {}

    /** Ends the connection. */
    record Terminate() implements ClientMessage {}

    /** Not a message of the protocol; the connection is closed with {@code reason}. */
    record Invalid(String reason) implements ClientMessage {}
}
