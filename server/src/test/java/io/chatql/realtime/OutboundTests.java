package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.NettyPipeline;

/**
 * The bounded queue of what one connection has yet to send: order, the bound that disconnects a slow
 * client, batches, and producers on many threads. The channel's event loop runs only when a test says
 * so, and the socket takes no more while a test holds it unwritable.
 */
class OutboundTests {

    private final List<EmbeddedChannel> channels = new ArrayList<>();

    private final AtomicInteger flushes = new AtomicInteger();

    @AfterEach
    void closeChannels() {
        channels.forEach(channel -> channel.finishAndReleaseAll());
    }

    @Test
    void framesAreWrittenInTheOrderTheyWereOffered() {
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, 1024);

        assertThat(outbound.offer("one")).isTrue();
        assertThat(outbound.offer("two")).isTrue();
        assertThat(outbound.offer("three")).isTrue();
        channel.runPendingTasks();

        assertThat(written(channel)).containsExactly("one", "two", "three");
    }

    @Test
    void framesAreWrittenOnTheEventLoopWithOneFlushForAllThatWait() {
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, 1024);

        outbound.offer("one");
        outbound.offer("two");
        assertThat(written(channel)).isEmpty();

        channel.runPendingTasks();
        assertThat(written(channel)).containsExactly("one", "two");
        assertThat(flushes).hasValue(1);
    }

    @Test
    void framesWaitWhileTheSocketTakesNoMoreAndFollowOnceItDoes() {
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, 1024);
        unwritable(channel);

        outbound.offer("one");
        outbound.offer("two");
        channel.runPendingTasks();
        assertThat(written(channel)).isEmpty();

        writable(channel);
        assertThat(written(channel)).containsExactly("one", "two");
    }

    @Test
    void aFrameThatWouldTakeTheQueuePastItsCapacityIsRefusedAndNothingIsQueued() {
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, 10);
        unwritable(channel);

        assertThat(outbound.offer("12345")).isTrue();
        assertThat(outbound.offer("67890")).as("filling the queue exactly").isTrue();
        assertThat(outbound.offer("x")).as("one character too many").isFalse();
        assertThat(outbound.offer("")).as("an empty frame takes no room").isTrue();

        writable(channel);
        assertThat(written(channel)).containsExactly("12345", "67890", "");
    }

    @Test
    void theQueueTakesFramesAgainOnceWhatWaitedIsWritten() {
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, 10);
        unwritable(channel);
        outbound.offer("0123456789");
        assertThat(outbound.offer("a")).isFalse();

        writable(channel);
        unwritable(channel);

        assertThat(outbound.offer("abcdefghij")).isTrue();
        writable(channel);
        assertThat(written(channel)).containsExactly("0123456789", "abcdefghij");
    }

    @Test
    void aFrameLargerThanTheCapacityIsStillSentWhenNothingElseWaits() {
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, 4);
        unwritable(channel);

        assertThat(outbound.offer("{\"type\":\"next\"}")).isTrue();
        assertThat(outbound.offer("x")).as("anything behind it").isFalse();

        writable(channel);
        assertThat(written(channel)).containsExactly("{\"type\":\"next\"}");
    }

    @Test
    void discardingDropsWhatWaitsAndFreesTheWholeCapacity() {
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, 10);
        unwritable(channel);
        outbound.offer("0123456789");

        outbound.discard();
        writable(channel);
        assertThat(written(channel)).isEmpty();

        unwritable(channel);
        assertThat(outbound.offer("abcdefghij")).isTrue();
    }

    @Test
    void flushingWritesEveryFrameEvenToASocketThatTakesNoMoreAndThenRunsWhatFollows() {
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, 1024);
        unwritable(channel);
        outbound.offer("{\"type\":\"connection_error\"}");
        outbound.offer("last");
        List<String> writtenBefore = new ArrayList<>();

        outbound.flushThen(() -> writtenBefore.addAll(written(channel)));
        assertThat(writtenBefore).as("before the event loop runs").isEmpty();
        channel.runPendingTasks();

        assertThat(writtenBefore).containsExactly("{\"type\":\"connection_error\"}", "last");
    }

    @Test
    void nothingOfferedInABatchIsWrittenBeforeTheBatchEnds() {
        EmbeddedChannel first = channel();
        EmbeddedChannel second = channel();
        Outbound toFirst = new Outbound(first, 1024);
        Outbound toSecond = new Outbound(second, 1024);
        List<String> writtenDuringTheBatch = new ArrayList<>();

        Outbound.batch(() -> {
            toFirst.offer("a1");
            toSecond.offer("b1");
            toFirst.offer("a2");
            first.runPendingTasks();
            second.runPendingTasks();
            writtenDuringTheBatch.addAll(written(first));
            writtenDuringTheBatch.addAll(written(second));
        });
        assertThat(writtenDuringTheBatch).isEmpty();

        first.runPendingTasks();
        second.runPendingTasks();
        assertThat(written(first)).containsExactly("a1", "a2");
        assertThat(written(second)).containsExactly("b1");
        assertThat(flushes).as("one flush per connection").hasValue(2);
    }

    @Test
    void aBatchInsideAnotherIsWrittenWhenTheOuterOneEnds() {
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, 1024);
        List<String> writtenAfterTheInnerBatch = new ArrayList<>();

        Outbound.batch(() -> {
            Outbound.batch(() -> outbound.offer("inner"));
            channel.runPendingTasks();
            writtenAfterTheInnerBatch.addAll(written(channel));
            outbound.offer("outer");
        });
        channel.runPendingTasks();

        assertThat(writtenAfterTheInnerBatch).isEmpty();
        assertThat(written(channel)).containsExactly("inner", "outer");
    }

    @Test
    void whatABatchOfferedBeforeItFailedIsStillWrittenAndLaterFramesAreNotHeldBack() {
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, 1024);

        assertThatThrownBy(() -> Outbound.batch(() -> {
                    outbound.offer("before");
                    throw new IllegalStateException("delivery failed");
                }))
                .hasMessage("delivery failed");
        channel.runPendingTasks();
        assertThat(written(channel)).containsExactly("before");

        outbound.offer("after");
        channel.runPendingTasks();
        assertThat(written(channel)).containsExactly("after");
    }

    @Test
    void framesOfferedFromManyThreadsAreAllWrittenEachThreadsInItsOrder() throws Exception {
        int producers = 4;
        int framesEach = 2_000;
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, Long.MAX_VALUE);

        List<Boolean> accepted = offerConcurrently(producers, framesEach, outbound);
        channel.runPendingTasks();

        assertThat(accepted).containsOnly(true);
        Map<String, List<Integer>> byProducer = written(channel).stream()
                .map(frame -> frame.split(":"))
                .collect(Collectors.groupingBy(
                        parts -> parts[0],
                        Collectors.mapping(parts -> Integer.valueOf(parts[1]), Collectors.toList())));
        assertThat(byProducer).hasSize(producers);
        byProducer
                .values()
                .forEach(sequence ->
                        assertThat(sequence).hasSize(framesEach).isSorted().doesNotHaveDuplicates());
    }

    @Test
    void producersOnManyThreadsFillTheQueueExactlyToItsCapacityAndNoFurther() throws Exception {
        int producers = 4;
        int framesEach = 500;
        int frameLength = "p0:0000".length();
        int capacityInFrames = 300;
        EmbeddedChannel channel = channel();
        Outbound outbound = new Outbound(channel, (long) capacityInFrames * frameLength);
        unwritable(channel);

        List<Boolean> accepted = offerConcurrently(producers, framesEach, outbound);
        writable(channel);

        assertThat(accepted.stream().filter(Boolean::booleanValue)).hasSize(capacityInFrames);
        assertThat(written(channel)).hasSize(capacityInFrames).doesNotHaveDuplicates();
    }

    /** Offers {@code framesEach} frames "p<producer>:<nnnn>" from each producer thread, all started at once. */
    private static List<Boolean> offerConcurrently(int producers, int framesEach, Outbound outbound) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(producers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Boolean>>> results = new ArrayList<>();
            for (int producer = 0; producer < producers; producer++) {
                String name = "p" + producer;
                results.add(threads.submit(() -> {
                    start.await();
                    List<Boolean> accepted = new ArrayList<>();
                    for (int frame = 0; frame < framesEach; frame++) {
                        accepted.add(outbound.offer(name + ":" + String.format("%04d", frame)));
                    }
                    return accepted;
                }));
            }
            start.countDown();
            List<Boolean> accepted = new ArrayList<>();
            for (Future<List<Boolean>> result : results) {
                accepted.addAll(result.get(30, TimeUnit.SECONDS));
            }
            return accepted;
        } finally {
            threads.shutdownNow();
        }
    }

    /** A channel with a stand-in for the handler Reactor Netty places where Outbound joins the pipeline. */
    private EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext context) {
                flushes.incrementAndGet();
                context.flush();
            }
        });
        channel.pipeline().addLast(NettyPipeline.ReactiveBridge, new ChannelInboundHandlerAdapter());
        channels.add(channel);
        return channel;
    }

    private static void unwritable(EmbeddedChannel channel) {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
    }

    /** Lets the socket take frames again, and runs the event loop that hears of it. */
    private static void writable(EmbeddedChannel channel) {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();
    }

    /** The text frames written to the socket since last asked. */
    private static List<String> written(EmbeddedChannel channel) {
        return WrittenFrames.of(channel);
    }
}
