package io.chatql.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Subscribers spread over WebSocket connections and users within the server's limits: each
 * connection carries {@value #PER_CONNECTION} subscriptions, each user holds at most {@value
 * #CONNECTIONS_PER_USER} connections.
 */
final class Audience implements AutoCloseable {

    static final int PER_CONNECTION = 50;

    static final int CONNECTIONS_PER_USER = 40;

    private final List<GraphQlSocket> connections;

    private Audience(List<GraphQlSocket> connections) {
        this.connections = connections;
    }

    /** How many users {@code subscribers} subscribers need. */
    static int usersFor(int subscribers) {
        int connections = (subscribers + PER_CONNECTION - 1) / PER_CONNECTION;
        return Math.max(1, (connections + CONNECTIONS_PER_USER - 1) / CONNECTIONS_PER_USER);
    }

    /** Opens the connections and subscribes subscriber {@code s} to {@code conversationOf.apply(s)}'s new messages. */
    static Audience subscribe(
            ChatServer server,
            List<ChatServer.User> users,
            int subscribers,
            IntFunction<String> conversationOf,
            Deliveries deliveries)
            throws Exception {
        return subscribe(server, users, subscribers, conversationOf, deliveries, GraphQlSocket.NEW_MESSAGES);
    }

    /** The same, each subscription running {@code subscription} (see {@link GraphQlSocket}). */
    static Audience subscribe(
            ChatServer server,
            List<ChatServer.User> users,
            int subscribers,
            IntFunction<String> conversationOf,
            Deliveries deliveries,
            String subscription)
            throws Exception {
        int connectionCount = (subscribers + PER_CONNECTION - 1) / PER_CONNECTION;
        ExecutorService opening = Executors.newFixedThreadPool(8);
        try {
            List<Future<GraphQlSocket>> opened = new ArrayList<>();
            for (int c = 0; c < connectionCount; c++) {
                int connection = c;
                opened.add(opening.submit(() -> {
                    GraphQlSocket socket = GraphQlSocket.open(
                            server.webSocketUri(),
                            users.get(connection / CONNECTIONS_PER_USER),
                            deliveries,
                            subscription);
                    for (int s = connection * PER_CONNECTION;
                            s < Math.min(subscribers, (connection + 1) * PER_CONNECTION);
                            s++) {
                        socket.subscribe(conversationOf.apply(s), s);
                    }
                    return socket;
                }));
            }
            List<GraphQlSocket> connections = new ArrayList<>();
            for (Future<GraphQlSocket> connection : opened) {
                connections.add(connection.get());
            }
            return new Audience(connections);
        } finally {
            opening.shutdown();
        }
    }

    @Override
    public void close() {
        connections.forEach(GraphQlSocket::close);
    }
}
