package io.chatql.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At most 600 client events per user in any minute, counted in memory on each node: behind a load
 * balancer that spreads a user's requests over n nodes, a user may send up to n times as many.
 */
@Component
class ClientEventRateLimit {

    static final int MAX_EVENTS_PER_MINUTE = 600;

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Map<String, RecentBatches> byUser = new ConcurrentHashMap<>();

    private final Clock clock;

    ClientEventRateLimit(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts {@code events} more events of the user, or, when that would make more than 600 in the
     * last minute, counts nothing and throws {@link TooManyEventsException}.
     */
    void admit(String userId, int events) {
        Instant now = clock.instant();
        Duration[] retryAfter = {Duration.ZERO};
        byUser.compute(userId, (id, recent) -> {
            RecentBatches batches = recent == null ? new RecentBatches() : recent;
            retryAfter[0] = batches.admit(now, events);
            return batches;
        });
        if (!retryAfter[0].isZero()) {
            throw new TooManyEventsException(retryAfter[0]);
        }
    }

    /** Forgets the users who sent nothing in the last minute, so that idle users take no memory. */
    @Scheduled(fixedDelay = 60_000)
    void forgetIdleUsers() {
        Instant now = clock.instant();
        byUser.keySet()
                .forEach(userId -> byUser.computeIfPresent(userId, (id, recent) -> recent.isIdle(now) ? null : recent));
    }

    /** The batches one user sent in the last minute; used only inside the map's atomic compute. */
    private static final class RecentBatches {

        private final Deque<Batch> batches = new ArrayDeque<>();

        private int events;

        /** Zero when the events are admitted, or else how long until they would be. */
        Duration admit(Instant now, int count) {
            forgetBefore(now.minus(WINDOW));
            if (events + count <= MAX_EVENTS_PER_MINUTE) {
                batches.addLast(new Batch(now, count));
                events += count;
                return Duration.ZERO;
            }
            int stillCounted = events;
            for (Batch batch : batches) {
                stillCounted -= batch.events();
                if (stillCounted + count <= MAX_EVENTS_PER_MINUTE) {
                    return Duration.between(now, batch.at().plus(WINDOW));
                }
            }
            throw new IllegalArgumentException("a batch holds at most " + MAX_EVENTS_PER_MINUTE + " events");
        }

        boolean isIdle(Instant now) {
            forgetBefore(now.minus(WINDOW));
            return batches.isEmpty();
        }

        private void forgetBefore(Instant start) {
            while (!batches.isEmpty() && !batches.peekFirst().at().isAfter(start)) {
                events -= batches.removeFirst().events();
            }
        }
    }

    private record Batch(Instant at, int events) {}
}
