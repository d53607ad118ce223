package io.chatql.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed attempts per key, such as a username or a client address, in this node's memory. After {@code
 * maxFailures} failures within {@code window}, the key is locked for {@code window}; each further
 * lockout is twice as long as the last, up to {@code maxLockout}. A key with no failure and no lockout
 * for {@code maxLockout} starts over. At most {@code capacity} keys are kept; beyond, the least recently
 * used is forgotten.
 */
final class FailedAttempts {

    private static final int MAX_DOUBLINGS = 30;

    private final int maxFailures;

    private final Duration window;

    private final Duration maxLockout;

    private final Clock clock;

    private final Map<String, Attempts> attempts;

    FailedAttempts(int maxFailures, Duration window, Duration maxLockout, int capacity, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxLockout = maxLockout;
        this.clock = clock;
        this.attempts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Attempts> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How long {@code key} must wait before its next attempt: zero unless it is locked. */
    synchronized Duration waitOf(String key) {
        Attempts known = attempts.get(key);
        Instant now = clock.instant();
        if (known == null || !now.isBefore(known.lockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, known.lockedUntil);
    }

    /** Counts a failure of {@code key}, and locks it when it is one too many. */
    synchronized void failed(String key) {
        Instant now = clock.instant();
        Attempts known = attempts.get(key);
        if (known == null || now.isAfter(known.lastActivity().plus(maxLockout))) {
            known = new Attempts(now);
            attempts.put(key, known);
        }
        if (now.isBefore(known.lockedUntil)) {
            return;
        }
        if (!now.isBefore(known.windowStart.plus(window))) {
            known.windowStart = now;
            known.failures = 0;
        }
        known.lastFailure = now;
        known.failures++;
        if (known.failures >= maxFailures) {
            Duration lockout = window.multipliedBy(1L << Math.min(known.lockouts, MAX_DOUBLINGS));
            known.lockedUntil = now.plus(lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout);
            known.lockouts++;
            known.failures = 0;
            known.windowStart = known.lockedUntil;
        }
    }

    /** Forgets the failures of {@code key}. */
    synchronized void succeeded(String key) {
        attempts.remove(key);
    }

    private static final class Attempts {

        private Instant windowStart;

        private Instant lastFailure;

        private Instant lockedUntil = Instant.MIN;

        private int failures;

        private int lockouts;

        Attempts(Instant now) {
            this.windowStart = now;
            this.lastFailure = now;
        }

        Instant lastActivity() {
            return lastFailure.isAfter(lockedUntil) ? lastFailure : lockedUntil;
        }
    }
}
