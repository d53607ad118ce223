package io.chatql.analytics;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges, daily, the events older than {@code chatql.analytics.retention} and the aggregates older than
 * {@code chatql.analytics.aggregate-retention}. Events are rolled up first, so none is purged uncounted.
 * Each node purges; doing it twice deletes nothing more.
 */
@Component
class AnalyticsRetention {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsRetention.class);

    private final AnalyticsRollup rollup;

    private final AnalyticsEventRepository events;

    private final AggregateRepository aggregates;

    private final AnalyticsProperties properties;

    private final Clock clock;

    AnalyticsRetention(
            AnalyticsRollup rollup,
            AnalyticsEventRepository events,
            AggregateRepository aggregates,
            AnalyticsProperties properties,
            Clock clock) {
        this.rollup = rollup;
        this.events = events;
        this.aggregates = aggregates;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 3 * * *", zone = "UTC")
    void purgeExpired() {
        Instant now = clock.instant();
        rollup.rollUp();
        int purged = events.deleteRolledUpBefore(now.minus(properties.retention()));
        aggregates.deleteBefore(now.minus(properties.aggregateRetention()));
        LOG.info("Purged {} analytics events older than {}.", purged, properties.retention());
    }
}
