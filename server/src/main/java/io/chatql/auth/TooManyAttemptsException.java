package io.chatql.auth;

import java.time.Duration;

/** Too many failed attempts of a username or a client address: 429, with {@code Retry-After}. */
class TooManyAttemptsException extends RuntimeException {

    private final long retryAfterSeconds;

    TooManyAttemptsException(Duration wait) {
        this(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)));
    }

    private TooManyAttemptsException(long retryAfterSeconds) {
        super("too many failed attempts; try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
