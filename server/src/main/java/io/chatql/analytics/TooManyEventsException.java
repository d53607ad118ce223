package io.chatql.analytics;

import java.time.Duration;

/** A user sent more events than the rate limit allows: answered 429 with {@code Retry-After}. */
class TooManyEventsException extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyEventsException(Duration retryAfter) {
        this(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private TooManyEventsException(long retryAfterSeconds) {
        super("at most " + ClientEventRateLimit.MAX_EVENTS_PER_MINUTE + " events per user per minute; retry in "
                + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds, at least one, as {@code Retry-After} takes them. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
