package io.chatql.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;

/**
 * Writes what arrives together in one transaction, on a thread of its own: while one group is written,
 * whatever arrives meanwhile queues up and is the next group. Under load a group costs one
 * transaction, one commit and one hand-over between threads for many writes; alone, a write waits for
 * nothing.
 *
 * <p>Each entry of a group gets an outcome of its own: stored, or refused with a client error, which
 * refuses that entry only. An entry learns its outcome once the group's transaction has committed. A
 * group whose transaction fails is written again one entry at a time, so that one bad entry fails
 * alone; when the database is unavailable, the whole group fails at once with a {@link
 * DatabaseUnavailableException}, and so does everything queued behind it. Made by {@link
 * BlockingWork#groupCommit}.
 */
public final class GroupCommit<T, R> {

    /** Writes a group in one transaction, deciding the outcome of each of its entries. */
    @FunctionalInterface
    public interface Writer<T, R> {

        /** Throwing rolls the whole group back, whatever outcomes were decided. */
        void write(List<Entry<T, R>> group);
    }

    private final Queue<Entry<T, R>> queue = new ConcurrentLinkedQueue<>();

    private final AtomicBoolean writing = new AtomicBoolean();

    private final int largestGroup;

    private final Writer<T, R> writer;

    private final ExecutorService thread;

    private final Scheduler completions;

    private final DatabaseOutageLog outages;

    GroupCommit(String name, int largestGroup, Writer<T, R> writer, Scheduler completions, DatabaseOutageLog outages) {
        this.largestGroup = largestGroup;
        this.writer = writer;
        this.completions = completions;
        this.outages = outages;
        this.thread = Executors.newSingleThreadExecutor(work -> {
            Thread writerThread = new Thread(work, name);
            writerThread.setDaemon(true);
            return writerThread;
        });
    }

    /** Queues {@code item} for the next group; the result completes once its group has committed. */
    public CompletableFuture<R> submit(T item) {
        Entry<T, R> entry = new Entry<>(item);
        queue.add(entry);
        if (writing.compareAndSet(false, true)) {
            thread.execute(this::drain);
        }
        return entry.result;
    }

    void shutdown() {
        thread.shutdown();
    }

    private void drain() {
        try {
            while (true) {
                List<Entry<T, R>> group = nextGroup();
                if (!group.isEmpty()) {
                    DatabaseUnavailableException unavailable = null;
                    try {
                        unavailable = write(group);
                    } finally {
                        completeLater(group);
                    }
                    if (unavailable != null) {
                        failQueued(unavailable);
                    }
                } else {
                    writing.set(false);
                    if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                        return;
                    }
                }
            }
        } catch (Error fatal) {
            writing.set(false);
            throw fatal;
        }
    }

    private List<Entry<T, R>> nextGroup() {
        List<Entry<T, R>> group = new ArrayList<>();
        Entry<T, R> next;
        while (group.size() < largestGroup && (next = queue.poll()) != null) {
            group.add(next);
        }
        return group;
    }

    /**
     * Decides the outcome of every entry of the group, writing them alone if the group fails; returns
     * the unavailability of the database that failed them, or null.
     */
    private @Nullable DatabaseUnavailableException write(List<Entry<T, R>> group) {
        long startedAt = System.nanoTime();
        try {
            writer.write(group);
            outages.succeeded(startedAt);
        } catch (RuntimeException failure) {
            if (DatabaseFailures.isUnavailable(failure)) {
                DatabaseUnavailableException unavailable = outages.failed(failure);
                group.forEach(entry -> entry.decide(null, unavailable));
                return unavailable;
            }
            if (group.size() == 1) {
                group.get(0).decide(null, failure);
                return null;
            }
            for (int alone = 0; alone < group.size(); alone++) {
                group.get(alone).decide(null, null);
                DatabaseUnavailableException unavailable = write(List.of(group.get(alone)));
                if (unavailable != null) {
                    group.subList(alone + 1, group.size()).forEach(entry -> entry.decide(null, unavailable));
                    return unavailable;
                }
            }
        }
        return null;
    }

    /**
     * Fails what queued up while the database could not be reached with the same error at once,
     * rather than have each group wait for a connection as long again.
     */
    private void failQueued(DatabaseUnavailableException unavailable) {
        List<Entry<T, R>> queued = new ArrayList<>();
        Entry<T, R> next;
        while ((next = queue.poll()) != null) {
            next.decide(null, unavailable);
            queued.add(next);
        }
        completeLater(queued);
    }

    private void completeLater(List<Entry<T, R>> entries) {
        if (!entries.isEmpty()) {
            completions.schedule(() -> entries.forEach(Entry::complete));
        }
    }

    /** One write of a group, with the outcome its writer decided. */
    public static final class Entry<T, R> {

        private final T item;

        private final CompletableFuture<R> result = new CompletableFuture<>();

        private @Nullable R value;

        private @Nullable RuntimeException refusal;

        private Entry(T item) {
            this.item = item;
        }

        public T item() {
            return item;
        }

        /** The entry is stored as {@code value}, once the group commits. */
        public void store(R value) {
            decide(value, null);
        }

        /** The entry is refused, and changes nothing; the rest of the group is not. */
        public void refuse(RuntimeException refusal) {
            decide(null, refusal);
        }

        private void decide(@Nullable R value, @Nullable RuntimeException refusal) {
            this.value = value;
            this.refusal = refusal;
        }

        private void complete() {
            if (refusal != null) {
                result.completeExceptionally(refusal);
            } else if (value != null) {
                result.complete(value);
            } else {
                result.completeExceptionally(new IllegalStateException("no outcome was decided for " + item));
            }
        }
    }
}
