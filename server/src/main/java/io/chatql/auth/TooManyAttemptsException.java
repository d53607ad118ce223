package io.chatql.auth;

import io.chatql.system.RequestRefusedException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Too many failed attempts of a username or a client address: 429, with {@code Retry-After}. */
class TooManyAttemptsException extends RequestRefusedException {

    TooManyAttemptsException(Duration wait) {
        this(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)));
    }

    private TooManyAttemptsException(long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "too_many_attempts",
                "too many failed attempts; try again in " + retryAfterSeconds + " seconds",
                retryAfterSeconds);
    }
}
