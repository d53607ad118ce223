package io.chatql.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How one user's messages reach the server: as HTTP requests, or as mutations over WebSocket
 * connections of their own, which graphql-transport-ws clients may send instead.
 */
final class Posting implements AutoCloseable {

    private final ChatServer server;

    private final ChatServer.User user;

    private final List<GraphQlSocket> sockets;

    private final AtomicInteger turn = new AtomicInteger();

    private Posting(ChatServer server, ChatServer.User user, List<GraphQlSocket> sockets) {
        this.server = server;
        this.user = user;
        this.sockets = sockets;
    }

    /** Posting over {@code "http"}, or over {@code "websocket"} with {@code connections} connections. */
    static Posting over(String transport, ChatServer server, ChatServer.User user, int connections) {
        return switch (transport) {
            case "http" -> new Posting(server, user, List.of());
            case "websocket" -> {
                List<GraphQlSocket> sockets = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    sockets.add(GraphQlSocket.open(server.webSocketUri(), user));
                }
                yield new Posting(server, user, sockets);
            }
            default -> throw new IllegalArgumentException("--post-over takes http or websocket, not " + transport);
        };
    }

    /** Posts message {@code seq}, taking the WebSocket connections in turn. */
    CompletableFuture<?> post(String conversationId, String messageId, int seq) {
        return mutate(ChatServer.CREATE_MESSAGE, ChatServer.newMessage(conversationId, messageId, seq));
    }

    /** Runs a mutation as the user, taking the WebSocket connections in turn. */
    CompletableFuture<?> mutate(String document, Map<String, ?> variables) {
        if (sockets.isEmpty()) {
            return server.graphQl(user, document, variables);
        }
        GraphQlSocket socket = sockets.get(Math.floorMod(turn.getAndIncrement(), sockets.size()));
        return socket.mutate(document, variables);
    }

    String transport() {
        return sockets.isEmpty() ? "http" : "websocket";
    }

    @Override
    public void close() {
        sockets.forEach(GraphQlSocket::close);
    }
}
