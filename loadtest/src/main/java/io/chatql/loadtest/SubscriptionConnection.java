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
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One graphql-transport-ws connection carrying many subscriptions to new messages. Every message it
 * receives is recorded as a delivery to the subscriber its subscription stands for.
 *
 * <p>Frames are read with a streaming parser on the connection's event loop, without building a
 * tree, so that the tool keeps up with the deliveries it measures.
 */
final class SubscriptionConnection extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private static final String SUBSCRIPTION =
            "subscription($c: ID!) { subscribeToNewMessage(conversationId: $c) { id content } }";

    private final Deliveries deliveries;

    private final Map<String, Integer> subscribers = new ConcurrentHashMap<>();

    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

    private final ChatServer.User user;

    private volatile Channel channel;

    private SubscriptionConnection(ChatServer.User user, Deliveries deliveries) {
        this.user = user;
        this.deliveries = deliveries;
    }

    /** Opens a connection as {@code user} and waits for its acknowledgement. */
    static SubscriptionConnection open(URI uri, ChatServer.User user, Deliveries deliveries) {
        SubscriptionConnection connection = new SubscriptionConnection(user, deliveries);
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

    /** Subscribes to the conversation's new messages, on behalf of subscriber number {@code subscriber}. */
    void subscribe(String conversationId, int subscriber) {
        String id = String.valueOf(subscriber);
        subscribers.put(id, subscriber);
        send(Map.of(
                "id",
                id,
                "type",
                "subscribe",
                "payload",
                Map.of("query", SUBSCRIPTION, "variables", Map.of("c", conversationId))));
    }

    void close() {
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, "done"));
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
        Frame received = Frame.read(frame.content());
        switch (received.type()) {
            case "connection_ack" -> acknowledged.complete(null);
            case "ping" -> context.writeAndFlush(new TextWebSocketFrame("{\"type\":\"pong\"}"));
            case "next" -> {
                Integer subscriber = received.id() == null ? null : subscribers.get(received.id());
                String content = received.content();
                int colon = content == null ? -1 : content.indexOf(':');
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

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        acknowledged.completeExceptionally(new IllegalStateException("the server closed the connection"));
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

    /** What the tool reads of a server message: its type, its id, and the content of a message in it. */
    record Frame(String type, String id, String content) {

        static Frame read(ByteBuf json) throws Exception {
            String type = "";
            String id = null;
            String content = null;
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
                        } else if (name.equals("content")) {
                            content = parser.nextStringValue();
                        }
                    }
                }
            }
            return new Frame(type == null ? "" : type, id, content);
        }
    }
}
