package io.chatql.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chatql.support.AdjustableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rate limit counts each user's events over the last minute, sliding, not per calendar minute. */
class ClientEventRateLimitTests {

    private final AdjustableClock clock = new AdjustableClock();

    private final ClientEventRateLimit limit = new ClientEventRateLimit(clock);

    @Test
    void eventsOverTheLimitWaitUntilEnoughOfTheLastMinuteHasPassed() {
        limit.admit("alice", 100);
        clock.advance(Duration.ofSeconds(20));
        for (int batch = 0; batch < 5; batch++) {
            limit.admit("alice", 100);
        }

        assertThat(retryAfterSeconds("alice", 1)).isEqualTo(40);
        clock.advance(Duration.ofSeconds(30));
        assertThat(retryAfterSeconds("alice", 1)).isEqualTo(10);
        clock.advance(Duration.ofSeconds(10));
        limit.admit("alice", 100);
        assertThat(retryAfterSeconds("alice", 1)).isEqualTo(20);
    }

    @Test
    void refusedEventsAreNotCounted() {
        limit.admit("alice", 550);
        assertThat(retryAfterSeconds("alice", 100)).isEqualTo(60);

        limit.admit("alice", 50);
    }

    @Test
    void eachUserHasALimitOfItsOwn() {
        limit.admit("alice", 600);

        limit.admit("bob", 600);
        assertThat(retryAfterSeconds("alice", 1)).isEqualTo(60);
    }

    private long retryAfterSeconds(String userId, int events) {
        Throwable refused = catchThrowable(() -> limit.admit(userId, events));
        assertThat(refused).isInstanceOf(TooManyEventsException.class);
        return ((TooManyEventsException) refused).retryAfterSeconds().orElseThrow();
    }
}
