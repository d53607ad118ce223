package io.chatql.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.util.function.Consumer;

/**
 * The network side of the tool: every connection it opens runs on one small group of event loops, so
 * that the tool's own cost per message stays small next to the server's.
 */
final class Transport {

    private static final EventLoopGroup LOOPS = new MultiThreadIoEventLoopGroup(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            new DefaultThreadFactory("loadtest", true),
            NioIoHandler.newFactory());

    private Transport() {}

    /** A bootstrap for TCP connections to {@code uri}'s host and port, with {@code pipeline} set up. */
    static Bootstrap to(URI uri, Consumer<SocketChannel> pipeline) {
        return new Bootstrap()
                .group(LOOPS)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 20_000)
                .remoteAddress(uri.getHost(), port(uri))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        pipeline.accept(channel);
                    }
                });
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return uri.getScheme().endsWith("s") ? 443 : 80;
    }
}
