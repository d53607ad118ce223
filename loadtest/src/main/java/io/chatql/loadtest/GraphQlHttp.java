package io.chatql.loadtest;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * GraphQL requests over HTTP/1.1 keep-alive connections: each connection carries one request at a
 * time, and there are as many connections as requests in flight.
 */
final class GraphQlHttp {

    private static final AttributeKey<CompletableFuture<Answer>> PENDING = AttributeKey.valueOf("pending");

    private final URI endpoint;

    private final Queue<Channel> idle = new ConcurrentLinkedQueue<>();

    GraphQlHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Posts {@code body} with the access token {@code token}; completes with the answer. */
    CompletableFuture<Answer> post(String token, String body) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Channel channel;
        while ((channel = idle.poll()) != null && !channel.isActive()) {
            // a connection the server closed meanwhile; try the next one
        }
        if (channel != null) {
            send(channel, token, body, answer);
        } else {
            Transport.to(
                            endpoint,
                            socket -> socket.pipeline()
                                    .addLast(new HttpClientCodec(), new HttpObjectAggregator(16 << 20), new Answers()))
                    .connect()
                    .addListener(connected -> {
                        if (connected.isSuccess()) {
                            send(((ChannelFuture) connected).channel(), token, body, answer);
                        } else {
                            answer.completeExceptionally(connected.cause());
                        }
                    });
        }
        return answer;
    }

    private void send(Channel channel, String token, String body, CompletableFuture<Answer> answer) {
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                HttpMethod.POST,
                endpoint.getRawPath(),
                Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
        request.headers()
                .set(HttpHeaderNames.HOST, endpoint.getHost() + ":" + endpoint.getPort())
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, request.content().readableBytes());
        channel.attr(PENDING).set(answer);
        channel.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                answer.completeExceptionally(written.cause());
            }
        });
    }

    /** An HTTP answer: its status and body. */
    record Answer(int status, String body) {}

    private final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
            CompletableFuture<Answer> answer = context.channel().attr(PENDING).getAndSet(null);
            Answer received =
                    new Answer(response.status().code(), response.content().toString(StandardCharsets.UTF_8));
            idle.add(context.channel());
            if (answer != null) {
                answer.complete(received);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            CompletableFuture<Answer> answer = context.channel().attr(PENDING).getAndSet(null);
            if (answer != null) {
                answer.completeExceptionally(new IllegalStateException("the server closed the connection"));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            CompletableFuture<Answer> answer = context.channel().attr(PENDING).getAndSet(null);
            if (answer != null) {
                answer.completeExceptionally(cause);
            }
            context.close();
        }
    }
}
