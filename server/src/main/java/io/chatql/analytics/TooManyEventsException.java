package io.chatql.analytics;

import io.chatql.system.RequestRefusedException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A user sent more events than the rate limit allows: answered 429 with {@code Retry-After}. */
class TooManyEventsException extends RequestRefusedException {

    /** Waits whole seconds, at least one, as {@code Retry-After} takes them. */
    TooManyEventsException(Duration retryAfter) {
        this(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    private TooManyEventsException(long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "too_many_events",
                "at most " + ClientEventRateLimit.MAX_EVENTS_PER_MINUTE + " events per user per minute; retry in "
                        + retryAfterSeconds + " s",
                retryAfterSeconds);
    }
}
