package io.chatql.loadtest;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the subscribers received: each delivery of message {@code seq} to subscriber {@code
 * subscriber}, counted once, with its latency; a second delivery of the same counts as a duplicate.
 * Message 0 is the warm-up, which only shows that a subscription listens.
 */
final class Deliveries {

    private final BitSet[] received;

    private final Samples latencies;

    private final AtomicLong total = new AtomicLong();

    private final AtomicLong duplicates = new AtomicLong();

    private final AtomicLong lastNanos = new AtomicLong();

    private final AtomicLong reactions = new AtomicLong();

    private final BitSet warmed = new BitSet();

    private final AtomicLong warmedUp = new AtomicLong();

    Deliveries(int subscribers, int expected) {
        received = new BitSet[subscribers];
        for (int i = 0; i < subscribers; i++) {
            received[i] = new BitSet();
        }
        latencies = new Samples(Math.max(expected, 1));
    }

    void record(int subscriber, int seq, long sentNanos) {
        if (seq == 0) {
            synchronized (warmed) {
                if (!warmed.get(subscriber)) {
                    warmed.set(subscriber);
                    warmedUp.incrementAndGet();
                }
            }
            return;
        }
        long now = System.nanoTime();
        boolean first;
        BitSet seen = received[subscriber];
        synchronized (seen) {
            first = !seen.get(seq);
            seen.set(seq);
        }
        total.incrementAndGet();
        if (first) {
            latencies.add(now - sentNanos);
        } else {
            duplicates.incrementAndGet();
        }
        lastNanos.accumulateAndGet(now, Math::max);
    }

    /**
     * A subscriber received the event of a reaction: counted, not timed, since it carries the
     * message's content, not the reaction's.
     */
    void recordReaction() {
        reactions.incrementAndGet();
        lastNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    long reactions() {
        return reactions.get();
    }

    /** How many subscribers received a warm-up message, and so listen. */
    long warmedUp() {
        return warmedUp.get();
    }

    long total() {
        return total.get();
    }

    long unique() {
        return total.get() - duplicates.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long lastNanos() {
        return lastNanos.get();
    }

    Samples latencies() {
        return latencies;
    }
}
