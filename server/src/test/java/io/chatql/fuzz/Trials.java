package io.chatql.fuzz;

import java.util.Random;
import java.util.function.Consumer;

/**
 * A fixed number of trials per target, each drawn from a generator seeded with {@code chatql.fuzz.seed}
 * and the target's name: the same seed replays the same inputs, so a failure names the seed and trial
 * that reproduce it. {@code chatql.fuzz.iterations} sets the number of trials.
 */
final class Trials {

    static final long SEED = Long.getLong("chatql.fuzz.seed", 15L);

    static final int ITERATIONS = Integer.getInteger("chatql.fuzz.iterations", 25);

    private Trials() {}

    /** Runs {@code trial} {@link #ITERATIONS} times against {@code target}, each with the next hostile values. */
    static void run(String target, Consumer<Hostile> trial) {
        Random random = new Random(SEED ^ target.hashCode());
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            try {
                trial.accept(new Hostile(random));
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(
                        "%s failed in trial %d of -Dchatql.fuzz.seed=%d: %s"
                                .formatted(target, iteration, SEED, failure.getMessage()),
                        failure);
            }
        }
    }
}
