package io.chatql.realtime;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import reactor.netty.NettyPipeline;

/**
 * What one connection has yet to send: text frames queued from any thread and written on the
 * connection's event loop, as many as the socket takes, with one flush for all of them.
 *
 * <p>Frames wait while the socket takes no more, that is while the client does not read; once they
 * hold {@code capacity} characters, {@link #offer} refuses the next one, and the connection is
 * closed instead of holding more memory. A single frame larger than that is still sent when nothing
 * else waits.
 *
 * <p>Frames offered inside {@link #batch} are written once the batch ends, so that one event
 * delivered to many subscriptions of one connection costs one wake-up of its event loop and one
 * write to its socket, not one per subscription.
 */
final class Outbound {

    private static final ThreadLocal<@Nullable Set<Outbound>> BATCH = new ThreadLocal<>();

    private final Channel channel;

    private final long capacity;

    private final Queue<String> frames = new ConcurrentLinkedQueue<>();

    private final AtomicLong queued = new AtomicLong();

    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    Outbound(Channel channel, long capacity) {
        this.channel = channel;
        this.capacity = capacity;
        channel.pipeline()
                .addBefore(NettyPipeline.ReactiveBridge, "chatql.outbound", new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelWritabilityChanged(ChannelHandlerContext context) {
                        if (context.channel().isWritable()) {
                            drain();
                        }
                        context.fireChannelWritabilityChanged();
                    }
                });
    }

    /**
     * Runs {@code deliveries} and then writes what they offered, each connection's frames in one go.
     * Inside another batch, it simply runs them as part of that one.
     */
    static void batch(Runnable deliveries) {
        if (BATCH.get() != null) {
            deliveries.run();
            return;
        }
        Set<Outbound> touched = new LinkedHashSet<>();
        BATCH.set(touched);
        try {
            deliveries.run();
        } finally {
            BATCH.remove();
            touched.forEach(Outbound::scheduleDrain);
        }
    }

    /** Queues a frame; false, queuing nothing, when it would take the queue past {@code capacity}. */
    boolean offer(String frame) {
        long waiting = queued.getAndAdd(frame.length());
        if (waiting > 0 && waiting + frame.length() > capacity) {
            queued.addAndGet(-frame.length());
            return false;
        }
        frames.add(frame);
        Set<Outbound> batch = BATCH.get();
        if (batch != null) {
            batch.add(this);
        } else {
            scheduleDrain();
        }
        return true;
    }

    /** Writes every queued frame, whether the socket takes more or not, then runs {@code then}. */
    void flushThen(Runnable then) {
        channel.eventLoop().execute(() -> {
            write(true);
            then.run();
        });
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    /** Drops what is queued, once the connection is closed. */
    void discard() {
        frames.clear();
        queued.set(0);
    }

    private void drain() {
        drainScheduled.set(false);
        write(false);
    }

    private void write(boolean evenIfUnwritable) {
        boolean wrote = false;
        String frame;
        while ((evenIfUnwritable || channel.isWritable()) && (frame = frames.poll()) != null) {
            queued.addAndGet(-frame.length());
            channel.write(new TextWebSocketFrame(ByteBufUtil.writeUtf8(channel.alloc(), frame)), channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }
}
