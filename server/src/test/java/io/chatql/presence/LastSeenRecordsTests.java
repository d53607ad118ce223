package io.chatql.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.chatql.support.AdjustableClock;
import io.chatql.system.BlockingWork;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LastSeenRecordsTests {

    private final PresenceRepository repository = mock(PresenceRepository.class);

    private final BlockingWork blocking = new BlockingWork();

    private final AdjustableClock clock = new AdjustableClock();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final LastSeenRecords records = new LastSeenRecords(repository, blocking, clock, registry);

    @AfterEach
    void stopBlockingWork() {
        blocking.destroy();
    }

    @Test
    void lastSeenIsStoredAtMostOnceAMinutePerUser() {
        Instant first = clock.instant();
        records.seenNow("alice");
        clock.advance(Duration.ofSeconds(59));
        records.seenNow("alice");
        records.seenNow("alice");

        verify(repository, timeout(5_000)).recordLastSeen("alice", first);
        clock.advance(Duration.ofSeconds(1));
        records.seenNow("alice");

        verify(repository, timeout(5_000)).recordLastSeen("alice", clock.instant());
        verify(repository, times(2)).recordLastSeen(eq("alice"), any());
    }

    @Test
    void eachUserHasAMinuteOfTheirOwn() {
        records.seenNow("alice");
        records.seenNow("bob");

        verify(repository, timeout(5_000)).recordLastSeen(eq("alice"), any());
        verify(repository, timeout(5_000)).recordLastSeen(eq("bob"), any());
    }

    @Test
    void eachStoredLastSeenIsCounted() throws InterruptedException {
        records.seenNow("alice");
        records.seenNow("alice");
        records.seenNow("bob");

        verify(repository, timeout(5_000)).recordLastSeen(eq("bob"), any());
        verify(repository, timeout(5_000)).recordLastSeen(eq("alice"), any());
        long until = System.nanoTime() + 5_000_000_000L;
        while (written() < 2 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(written()).isEqualTo(2);
    }

    private double written() {
        return registry.get("chatql.presence.last-seen.writes").counter().count();
    }
}
