package io.chatql.realtime;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.PrematureChannelClosureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops what Netty's frame aggregator raises when a connection closes in the middle of a fragmented
 * message, as when the client sends a close frame between two fragments: the connection has ended,
 * there is no one to answer, and left alone it reaches Reactor Netty after the connection's handler
 * and is logged as an error with its stack trace. Goes right after the aggregator.
 */
@ChannelHandler.Sharable
final class AbandonedMessages extends ChannelInboundHandlerAdapter {

    static final AbandonedMessages INSTANCE = new AbandonedMessages();

    static final String NAME = "chatql.abandonedMessages";

    private static final Logger LOG = LoggerFactory.getLogger(AbandonedMessages.class);

    private AbandonedMessages() {}

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof PrematureChannelClosureException) {
            LOG.debug("A connection closed in the middle of a message: {}", cause.getMessage());
            return;
        }
        context.fireExceptionCaught(cause);
    }
}
