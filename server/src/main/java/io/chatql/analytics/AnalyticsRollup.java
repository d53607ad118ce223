package io.chatql.analytics;

import io.chatql.analytics.AnalyticsEventRepository.PendingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Adds stored events to the hourly counts and the daily active users, each event exactly once: each
 * batch is read, added and marked in one transaction under the roll-up lock, which one node at a time
 * holds. Events are counted in the hour and day they occurred, however late they arrive.
 *
 * <p>The counts are kept, rather than computed from the events at each query, because queries cover up
 * to 400 days while events are kept 90, and because counting 90 days of a busy server's messages would
 * read every one of them, where a query of the counts reads at most 24 rows per day and type. They are
 * added up here rather than as each event is stored, where every message would update its hour's row
 * and so wait for the transaction of the message before it, whatever its conversation.
 */
@Component
class AnalyticsRollup {

    private static final int BATCH = 1000;

    private final AnalyticsEventRepository events;

    private final AggregateRepository aggregates;

    private final TransactionOperations transaction;

    AnalyticsRollup(
            AnalyticsEventRepository events, AggregateRepository aggregates, TransactionOperations transaction) {
        this.events = events;
        this.aggregates = aggregates;
        this.transaction = transaction;
    }

    /**
     * Rolls up every event stored so far. Runs every minute, and before each query so that answers
     * include the latest events.
     */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void rollUp() {
        boolean more;
        do {
            more = Boolean.TRUE.equals(transaction.execute(status -> rollUpBatch()));
        } while (more);
    }

    /** Rolls up the next batch; true when there may be more. */
    private boolean rollUpBatch() {
        aggregates.lockRollup();
        List<PendingEvent> batch = events.pending(BATCH);
        Map<HourAndType, Sum> hourly = new HashMap<>();
        Set<DayAndUser> active = new HashSet<>();
        for (PendingEvent event : batch) {
            Instant hour = event.occurredAt().truncatedTo(ChronoUnit.HOURS);
            hourly.merge(new HourAndType(hour, event.type()), new Sum(1, event.durationMs()), Sum::plus);
            if (event.fromClient() || EventTypes.SERVER_ACTIVITY.contains(event.type())) {
                active.add(new DayAndUser(LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC), event.userId()));
            }
        }
        hourly.forEach((key, sum) -> aggregates.addToHour(key.type(), key.hour(), sum.count(), sum.durationMs()));
        active.forEach(dayAndUser -> aggregates.markActive(dayAndUser.day(), dayAndUser.userId()));
        events.markRolledUp(batch);
        return batch.size() == BATCH;
    }

    private record HourAndType(Instant hour, String type) {}

    private record DayAndUser(LocalDate day, String userId) {}

    private record Sum(long count, long durationMs) {

        Sum plus(Sum other) {
            return new Sum(count + other.count, durationMs + other.durationMs);
        }
    }
}
