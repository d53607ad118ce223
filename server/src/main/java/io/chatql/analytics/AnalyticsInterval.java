package io.chatql.analytics;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** The intervals of a series, in UTC. */
enum AnalyticsInterval {
    HOUR(ChronoUnit.HOURS, Duration.ofDays(31)),
    DAY(ChronoUnit.DAYS, ReportRange.MAX_SPAN);

    private final ChronoUnit unit;

    private final Duration maxSpan;

    AnalyticsInterval(ChronoUnit unit, Duration maxSpan) {
        this.unit = unit;
        this.maxSpan = maxSpan;
    }

    ChronoUnit unit() {
        return unit;
    }

    /** The longest range a series of these intervals covers. */
    Duration maxSpan() {
        return maxSpan;
    }
}
