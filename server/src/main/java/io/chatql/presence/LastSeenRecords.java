package io.chatql.presence;

import io.chatql.system.BlockingWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores when users were last seen, to the minute, at most once a minute per user on this node: a
 * user who reconnects and leaves again and again costs one write a minute. Between writes, the nodes
 * know the latest time from the connections themselves; what is stored is for users who went before
 * the nodes that answer started. Each write stored counts in {@code chatql.presence.last-seen.writes}.
 */
@Component
class LastSeenRecords {

    private static final Logger LOG = LoggerFactory.getLogger(LastSeenRecords.class);

    static final Duration AT_MOST_EVERY = Duration.ofMinutes(1);

    /** How many users' last writes are remembered before those older than a minute are forgotten. */
    static final int FORGET_BEYOND = 10_000;

    private final PresenceRepository repository;

    private final BlockingWork blocking;

    private final Clock clock;

    private final Counter written;

    private final Map<String, Instant> lastWritten = new HashMap<>();

    LastSeenRecords(PresenceRepository repository, BlockingWork blocking, Clock clock, MeterRegistry registry) {
        this.repository = repository;
        this.blocking = blocking;
        this.clock = clock;
        this.written = Counter.builder("chatql.presence.last-seen.writes")
                .description("Last-seen times stored")
                .register(registry);
    }

    /** The user was seen now; stores it, off the caller's thread, unless it did within the minute. */
    void seenNow(String userId) {
        Instant now = clock.instant();
        if (!due(userId, now)) {
            return;
        }
        blocking.run(() -> {
                    repository.recordLastSeen(userId, now);
                    written.increment();
                })
                .subscribe(
                        null,
                        failure -> LOG.warn("Could not store when {} was last seen: {}", userId, failure.getMessage()));
    }

    private synchronized boolean due(String userId, Instant now) {
        Instant last = lastWritten.get(userId);
        if (last != null && last.plus(AT_MOST_EVERY).isAfter(now)) {
            return false;
        }
        if (lastWritten.size() >= FORGET_BEYOND) {
            lastWritten
                    .values()
                    .removeIf(written -> !written.plus(AT_MOST_EVERY).isAfter(now));
        }
        lastWritten.put(userId, now);
        return true;
    }
}
