package io.chatql.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * One graphql-transport-ws connection carrying many subscriptions to new messages. Every message it
 * receives is recorded as a delivery to the subscriber its subscription stands for.
 */
final class SubscriptionConnection implements WebSocket.Listener {

    private static final String SUBSCRIPTION =
            "subscription($c: ID!) { subscribeToNewMessage(conversationId: $c) { id content } }";

    private final Deliveries deliveries;

    private final Map<String, Integer> subscribers = new HashMap<>();

    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

    private final StringBuilder partial = new StringBuilder();

    private WebSocket socket;

    private SubscriptionConnection(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Opens a connection as {@code user} and waits for its acknowledgement. */
    static SubscriptionConnection open(HttpClient http, URI uri, ChatServer.User user, Deliveries deliveries) {
        SubscriptionConnection connection = new SubscriptionConnection(deliveries);
        connection.socket = http.newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(20))
                .buildAsync(uri, connection)
                .join();
        connection.sendText(ChatServer.JSON.writeValueAsString(
                Map.of("type", "connection_init", "payload", Map.of("Authorization", user.token()))));
        try {
            connection.acknowledged.get(20, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException("connection was not acknowledged: " + ex.getMessage(), ex);
        }
        return connection;
    }

    /** Subscribes to the conversation's new messages, on behalf of subscriber number {@code subscriber}. */
    void subscribe(String conversationId, int subscriber) {
        String id = String.valueOf(subscriber);
        synchronized (subscribers) {
            subscribers.put(id, subscriber);
        }
        sendText(ChatServer.JSON.writeValueAsString(Map.of(
                "id",
                id,
                "type",
                "subscribe",
                "payload",
                Map.of("query", SUBSCRIPTION, "variables", Map.of("c", conversationId)))));
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            receive(text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        acknowledged.completeExceptionally(error);
    }

    private void receive(String text) {
        JsonNode message = ChatServer.JSON.readTree(text);
        switch (message.path("type").asString()) {
            case "connection_ack" -> acknowledged.complete(null);
            case "ping" -> sendText("{\"type\":\"pong\"}");
            case "next" -> {
                Integer subscriber;
                synchronized (subscribers) {
                    subscriber = subscribers.get(message.path("id").asString());
                }
                String content = message.path("payload")
                        .path("data")
                        .path("subscribeToNewMessage")
                        .path("content")
                        .asString();
                int colon = content.indexOf(':');
                if (subscriber != null && colon > 0) {
                    deliveries.record(
                            subscriber,
                            Integer.parseInt(content.substring(0, colon)),
                            Long.parseLong(content.substring(colon + 1)));
                }
            }
            default -> {}
        }
    }

    private synchronized void sendText(String text) {
        socket.sendText(text, true).join();
    }
}
