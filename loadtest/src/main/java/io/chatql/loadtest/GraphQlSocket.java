package io.chatql.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * One graphql-transport-ws connection carrying subscriptions to new messages, and mutations. Every
 * message a subscription receives is recorded as a delivery to the subscriber it stands for, and
 * remembered as where that subscriber would resume; a mutation is done when its operation completes.
 * Subscriptions of other events are handed to an {@link Observer}.
 *
 * <p>Frames are read with a streaming parser on the connection's event loop, without building a
 * tree, so that the tool keeps up with the deliveries it measures.
 */
final class GraphQlSocket extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    /** The new messages of a conversation. */
    static final String NEW_MESSAGES =
            "subscription($c: ID!) { subscribeToNewMessage(conversationId: $c) { id content } }";

    /** The new messages of a conversation after a given one, stored or to come: how a client resumes. */
    static final String NEW_MESSAGES_AFTER = "subscription($c: ID!, $after: String)"
            + " { subscribeToNewMessage(conversationId: $c, after: $after) { id content } }";

    /** Everything that happens in a conversation. */
    static final String TIMELINE = "subscription($c: ID!) { subscribeToConversationEvents(conversationId: $c)"
            + " { kind message { content } } }";

    /** The presence of the subscriber's contacts. */
    static final String PRESENCE = "subscription { subscribeToPresence { status user { id } } }";

    /** Who else is typing in a conversation, and how many. */
    static final String TYPING = "subscription($c: ID!) { subscribeToTyping(conversationIds: [$c])"
            + " { conversationId count users { id } } }";

    private static final String REACTIONS_CHANGED = "REACTIONS_CHANGED";

    private final Deliveries deliveries;

    private final Map<String, Integer> subscribers = new ConcurrentHashMap<>();

    private final Map<String, Observer> observers = new ConcurrentHashMap<>();

    /** The id of the last message each subscription received, by subscription id. */
    private final Map<String, String> lastMessages = new ConcurrentHashMap<>();

    private final Map<String, Mutation> mutations = new ConcurrentHashMap<>();

    private final AtomicLong mutationIds = new AtomicLong();

    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

    private final ChatServer.User user;

    private final String subscription;

    private final Observer observer;

    private volatile Channel channel;

    private GraphQlSocket(ChatServer.User user, Deliveries deliveries, String subscription, Observer observer) {
        this.user = user;
        this.deliveries = deliveries;
        this.subscription = subscription;
        this.observer = observer;
    }

    /** What a subscription of other events than messages receives, handed over whole. */
    @FunctionalInterface
    interface Observer {

        /** Subscriber number {@code subscriber} received {@code data}, the event's {@code data}. */
        void next(int subscriber, JsonNode data);
    }

    /**
     * Opens a connection as {@code user} whose subscriptions run {@code subscription}, whatever its
     * events, each handed to {@code observer}, and waits for its acknowledgement.
     */
    static GraphQlSocket observing(URI uri, ChatServer.User user, String subscription, Observer observer) {
        return open(new GraphQlSocket(user, new Deliveries(0, 1), subscription, observer), uri);
    }

    /** Opens a connection as {@code user} for mutations only, and waits for its acknowledgement. */
    static GraphQlSocket open(URI uri, ChatServer.User user) {
        return open(uri, user, new Deliveries(0, 1));
    }

    /** Opens a connection as {@code user} whose subscriptions follow new messages. */
    static GraphQlSocket open(URI uri, ChatServer.User user, Deliveries deliveries) {
        return open(uri, user, deliveries, NEW_MESSAGES);
    }

    /**
     * Opens a connection as {@code user} whose subscriptions run {@code subscription} ({@link
     * #NEW_MESSAGES} or {@link #TIMELINE}), and waits for its acknowledgement.
     */
    static GraphQlSocket open(URI uri, ChatServer.User user, Deliveries deliveries, String subscription) {
        return open(new GraphQlSocket(user, deliveries, subscription, null), uri);
    }

    private static GraphQlSocket open(GraphQlSocket connection, URI uri) {
        WebSocketClientProtocolConfig handshake = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .subprotocol("graphql-transport-ws")
                .maxFramePayloadLength(16 << 20)
                .handshakeTimeoutMillis(20_000)
                .build();
        Channel channel = Transport.to(
                        uri,
                        socket -> socket.pipeline()
                                .addLast(
                                        new HttpClientCodec(),
                                        new HttpObjectAggregator(1 << 16),
                                        new WebSocketClientProtocolHandler(handshake),
                                        connection))
                .connect()
                .syncUninterruptibly()
                .channel();
        try {
            connection.acknowledged.get(20, TimeUnit.SECONDS);
        } catch (Exception ex) {
            channel.close();
            throw new IllegalStateException("connection was not acknowledged: " + ex.getMessage(), ex);
        }
        return connection;
    }

    /** Subscribes to the conversation, on behalf of subscriber number {@code subscriber}. */
    void subscribe(String conversationId, int subscriber) {
        subscribe(String.valueOf(subscriber), subscriber, subscription, Map.of("c", conversationId));
    }

    /**
     * Subscribes to the conversation's new messages after the message {@code afterId}, as a client
     * resumes, on behalf of subscriber number {@code subscriber}.
     */
    void resume(String conversationId, String afterId, int subscriber) {
        subscribe(
                String.valueOf(subscriber),
                subscriber,
                NEW_MESSAGES_AFTER,
                Map.of("c", conversationId, "after", afterId));
    }

    /**
     * Subscribes with {@code document}, whatever its events, each handed to {@code observer} as
     * subscriber number {@code subscriber}'s.
     */
    void observe(String document, int subscriber, Observer observer) {
        String id = "o" + subscriber;
        observers.put(id, observer);
        subscribe(id, subscriber, document, Map.of());
    }

    /** The id of the last message subscriber number {@code subscriber} received; null before the first. */
    String lastMessageId(int subscriber) {
        return lastMessages.get(String.valueOf(subscriber));
    }

    private void subscribe(String id, int subscriber, String document, Map<String, ?> variables) {
        subscribers.put(id, subscriber);
        if (observer != null) {
            observers.putIfAbsent(id, observer);
        }
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document, "variables", variables)));
    }

    /** Runs a mutation; fails when it is answered with errors, or not answered within 30 s. */
    CompletableFuture<Void> mutate(String document, Map<String, ?> variables) {
        String id = "m" + mutationIds.incrementAndGet();
        Mutation mutation = new Mutation();
        mutations.put(id, mutation);
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document, "variables", variables)));
        return mutation.done.orTimeout(30, TimeUnit.SECONDS).whenComplete((done, failure) -> mutations.remove(id));
    }

    void close() {
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, "done"));
    }

    /**
     * Drops the connection as a network does, closing it without the WebSocket closing handshake;
     * returns once it is closed, so that nothing more is received on it.
     */
    void drop() {
        channel.close().syncUninterruptibly();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        channel = context.channel();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            send(Map.of("type", "connection_init", "payload", Map.of("Authorization", user.token())));
        } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            acknowledged.completeExceptionally(new IllegalStateException("the WebSocket handshake timed out"));
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) throws Exception {
        Frame received = Frame.read(frame.content().duplicate());
        switch (received.type()) {
            case "connection_ack" -> acknowledged.complete(null);
            case "ping" -> context.writeAndFlush(new TextWebSocketFrame("{\"type\":\"pong\"}"));
            case "next" -> {
                Mutation mutation = received.id() == null ? null : mutations.get(received.id());
                if (mutation != null) {
                    mutation.failed |= received.failed();
                    return;
                }
                Integer subscriber = received.id() == null ? null : subscribers.get(received.id());
                Observer observed = received.id() == null ? null : observers.get(received.id());
                if (observed != null) {
                    observed.next(
                            subscriber,
                            ChatServer.JSON
                                    .readTree(frame.text())
                                    .path("payload")
                                    .path("data"));
                    return;
                }
                if (subscriber != null && received.messageId() != null) {
                    lastMessages.put(received.id(), received.messageId());
                }
                String content = received.content();
                int colon = content == null ? -1 : content.indexOf(':');
                if (subscriber != null && colon > 0 && REACTIONS_CHANGED.equals(received.kind())) {
                    // A reaction to a message of the measured messages, not of the warm-up
                    if (!content.startsWith("0:")) {
                        deliveries.recordReaction();
                    }
                } else if (subscriber != null && colon > 0) {
                    deliveries.record(
                            subscriber,
                            Integer.parseInt(content.substring(0, colon)),
                            Long.parseLong(content.substring(colon + 1)));
                }
            }
            case "complete" -> {
                Mutation mutation = received.id() == null ? null : mutations.get(received.id());
                if (mutation != null) {
                    mutation.finish(null);
                }
            }
            case "error" -> {
                Mutation mutation = received.id() == null ? null : mutations.get(received.id());
                if (mutation != null) {
                    mutation.finish("the server answered the mutation with an error");
                }
            }
            default -> {}
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        acknowledged.completeExceptionally(new IllegalStateException("the server closed the connection"));
        mutations.values().forEach(mutation -> mutation.finish("the server closed the connection"));
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        acknowledged.completeExceptionally(cause);
        context.close();
    }

    private void send(Map<String, ?> message) {
        channel.writeAndFlush(new TextWebSocketFrame(ChatServer.JSON.writeValueAsString(message)));
    }

    /** A mutation under way; it fails if any of its results has errors. */
    private static final class Mutation {

        private final CompletableFuture<Void> done = new CompletableFuture<>();

        private volatile boolean failed;

        void finish(String failure) {
            if (failure == null && !failed) {
                done.complete(null);
            } else {
                done.completeExceptionally(
                        new IllegalStateException(failure == null ? "the mutation was answered with errors" : failure));
            }
        }
    }

    /**
     * What the tool reads of a server message: its type, its id, the id and content of a message in it,
     * the kind of a conversation event in it, and whether its payload has errors.
     */
    record Frame(String type, String id, String messageId, String content, String kind, boolean failed) {

        static Frame read(ByteBuf json) throws Exception {
            String type = "";
            String id = null;
            String messageId = null;
            String content = null;
            String kind = null;
            boolean failed = false;
            try (JsonParser parser = ChatServer.JSON.createParser((InputStream) new ByteBufInputStream(json))) {
                int depth = 0;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        depth++;
                    } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                        depth--;
                    } else if (token == JsonToken.PROPERTY_NAME) {
                        String name = parser.currentName();
                        if (depth == 1 && name.equals("type")) {
                            type = parser.nextStringValue();
                        } else if (depth == 1 && name.equals("id")) {
                            id = parser.nextStringValue();
                        } else if (depth == 4 && name.equals("id")) {
                            // payload.data.subscribeToNewMessage.id
                            messageId = parser.nextStringValue();
                        } else if (name.equals("content")) {
                            content = parser.nextStringValue();
                        } else if (name.equals("kind")) {
                            kind = parser.nextStringValue();
                        } else if (depth == 2 && name.equals("errors")) {
                            failed = true;
                        }
                    }
                }
            }
            return new Frame(type == null ? "" : type, id, messageId, content, kind, failed);
        }
    }
}
