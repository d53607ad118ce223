package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailedAttemptsTests {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private static final Duration MAX_LOCKOUT = Duration.ofMinutes(5);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-25T10:00:00Z"));

    private final FailedAttempts attempts = new FailedAttempts(5, WINDOW, MAX_LOCKOUT, 3, clock);

    @Test
    void fourFailuresDoNotLock() {
        fail("alice", 4);

        assertThat(attempts.waitOf("alice")).isZero();
    }

    @Test
    void fifthFailureLocksTheKeyForTheWindow() {
        fail("alice", 5);

        assertThat(attempts.waitOf("alice")).isEqualTo(WINDOW);
        assertThat(attempts.waitOf("bob")).isZero();
        clock.advance(WINDOW);
        assertThat(attempts.waitOf("alice")).isZero();
    }

    @Test
    void eachFurtherLockoutIsTwiceAsLongUpToTheMaximum() {
        for (Duration expected :
                new Duration[] {WINDOW, WINDOW.multipliedBy(2), WINDOW.multipliedBy(4), MAX_LOCKOUT, MAX_LOCKOUT}) {
            fail("alice", 5);
            assertThat(attempts.waitOf("alice")).isEqualTo(expected);
            clock.advance(expected);
        }
    }

    @Test
    void failuresDuringALockoutAreNotCounted() {
        fail("alice", 5);
        fail("alice", 5);

        assertThat(attempts.waitOf("alice")).isEqualTo(WINDOW);
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        fail("alice", 4);
        clock.advance(WINDOW);
        fail("alice", 4);

        assertThat(attempts.waitOf("alice")).isZero();
    }

    @Test
    void aQuietKeyStartsOverWithTheShortestLockout() {
        fail("alice", 5);
        clock.advance(WINDOW.plus(MAX_LOCKOUT).plusSeconds(1));
        fail("alice", 5);

        assertThat(attempts.waitOf("alice")).isEqualTo(WINDOW);
    }

    @Test
    void successForgetsTheFailures() {
        fail("alice", 4);
        attempts.succeeded("alice");
        fail("alice", 4);

        assertThat(attempts.waitOf("alice")).isZero();
    }

    @Test
    void theLeastRecentlyUsedKeyIsForgottenBeyondCapacity() {
        fail("alice", 5);
        fail("bob", 1);
        fail("carol", 1);
        attempts.waitOf("alice");
        fail("dave", 1);

        assertThat(attempts.waitOf("alice")).isEqualTo(WINDOW);
        fail("bob", 4);
        assertThat(attempts.waitOf("bob")).isZero();
    }

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            attempts.failed(key);
        }
    }
}
