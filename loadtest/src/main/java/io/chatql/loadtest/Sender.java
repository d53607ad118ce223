package io.chatql.loadtest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/** Sends numbered messages, or other numbered writes, with a bound on those in flight, or at a steady rate. */
final class Sender {

    private final Write write;

    private final String runId;

    private final AtomicInteger failures = new AtomicInteger();

    /** Sends posts of new messages. */
    Sender(Posting posting, String runId) {
        this((conversationId, seq, messageId, number) -> posting.post(conversationId, messageId, number), runId);
    }

    Sender(Write write, String runId) {
        this.write = write;
        this.runId = runId;
    }

    /** One write of the load. */
    interface Write {

        /**
         * Writes number {@code seq} of the load to the conversation: a message with the id {@code
         * messageId} if it posts one, whose content tells {@code number} (0 for the warm-up).
         */
        CompletableFuture<?> write(String conversationId, int seq, String messageId, int number);
    }

    /**
     * Sends messages {@code from} to {@code to}, message {@code seq} to {@code conversationOf.apply(seq)},
     * and returns how many were sent before {@code deadlineNanos}. With a positive {@code rate}, sends
     * that many per second; otherwise as fast as {@code inFlight} allows.
     */
    int send(int from, int to, IntFunction<String> conversationOf, int inFlight, int rate, long deadlineNanos)
            throws InterruptedException {
        return send(from, to, seq -> seq, conversationOf, inFlight, rate, deadlineNanos);
    }

    /**
     * Sends {@code count} warm-up messages the same way, numbered 0 so that their deliveries are not
     * measured: they let both sides compile their hot paths and settle their heaps first.
     */
    void warmUp(int count, IntFunction<String> conversationOf, int inFlight, int rate, long deadlineNanos)
            throws InterruptedException {
        send(-count, -1, seq -> 0, conversationOf, inFlight, rate, deadlineNanos);
    }

    private int send(
            int from,
            int to,
            IntUnaryOperator numberOf,
            IntFunction<String> conversationOf,
            int inFlight,
            int rate,
            long deadlineNanos)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        long start = System.nanoTime();
        int sent = 0;
        for (int seq = from; seq <= to && System.nanoTime() < deadlineNanos; seq++) {
            if (rate > 0) {
                long due = start + (seq - from) * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            permits.acquire();
            write.write(conversationOf.apply(seq), seq, runId + "-" + seq, numberOf.applyAsInt(seq))
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            failures.incrementAndGet();
                        }
                        permits.release();
                    });
            sent++;
        }
        permits.acquire(inFlight);
        return sent;
    }

    int failures() {
        return failures.get();
    }
}
