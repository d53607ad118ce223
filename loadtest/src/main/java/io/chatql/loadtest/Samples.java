package io.chatql.loadtest;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Durations in nanoseconds, recorded from many threads, up to a fixed capacity. */
final class Samples {

    private final long[] values;

    private final AtomicInteger size = new AtomicInteger();

    Samples(int capacity) {
        values = new long[capacity];
    }

    void add(long nanos) {
        int index = size.getAndIncrement();
        if (index < values.length) {
            values[index] = nanos;
        }
    }

    int count() {
        return Math.min(size.get(), values.length);
    }

    /** The value below which {@code percent} percent of the samples fall, in milliseconds. */
    double percentileMillis(double percent) {
        int count = count();
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count) - 1;
        return sorted[Math.max(0, Math.min(rank, count - 1))] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(100);
    }
}
