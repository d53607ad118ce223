package io.chatql.loadtest;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Changes the tool makes, such as a user going away, and their arrival at each watcher meant to see
 * them: a change is named by what watchers can tell of it (whose, and what), and counts as seen by a
 * watcher the first time that watcher is told it after it was made, with the time that took.
 */
final class Changes {

    private final Map<String, Made> latest = new ConcurrentHashMap<>();

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private final Samples latencies;

    private final AtomicLong made = new AtomicLong();

    private final AtomicLong expected = new AtomicLong();

    Changes(int capacity) {
        latencies = new Samples(Math.max(capacity, 1));
    }

    /** The change {@code name} is being made now, and {@code watchers} watchers are to be told it. */
    void made(String name, int watchers) {
        latest.put(name, new Made(made.incrementAndGet(), System.nanoTime()));
        expected.addAndGet(watchers);
    }

    /** Watcher number {@code watcher} was told of {@code name}. */
    void seen(int watcher, String name) {
        long now = System.nanoTime();
        Made change = latest.get(name);
        if (change != null && seen.add(watcher + "/" + change.number())) {
            latencies.add(now - change.nanos());
        }
    }

    /** How many changes were made. */
    long count() {
        return made.get();
    }

    /** How many times watchers were to be told a change. */
    long expected() {
        return expected.get();
    }

    /** How many times a watcher was told a change, each once. */
    long delivered() {
        return seen.size();
    }

    Samples latencies() {
        return latencies;
    }

    private record Made(long number, long nanos) {}
}
