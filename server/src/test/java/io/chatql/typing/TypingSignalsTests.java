package io.chatql.typing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.AdjustableClock;
import io.chatql.user.User;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TypingSignalsTests {

    private static final User ALICE = new User("alice-id", "alice", true);

    private static final TypingSignalled TYPING = new TypingSignalled("c", ALICE, true, false);

    private static final TypingSignalled STOPPED = new TypingSignalled("c", ALICE, false, false);

    private final AdjustableClock clock = new AdjustableClock();

    private final TypingSignals signals = new TypingSignals();

    @Test
    void firstSignalIsRelayedAtOnce() {
        assertThat(signals.signal(TYPING, now())).isEqualTo(TYPING);
    }

    @Test
    void signalsRepeatedWithinASecondAreRelayedOnceWhenItIsUp() {
        signals.signal(TYPING, now());
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofMillis(100));
            assertThat(signals.signal(TYPING, now())).isNull();
            assertThat(signals.due(now())).isEmpty();
        }

        clock.advance(Duration.ofMillis(100));

        assertThat(signals.due(now())).containsExactly(TYPING);
        clock.advance(TypingSignals.REFRESH);
        assertThat(signals.due(now())).isEmpty();
    }

    @Test
    void signalASecondAfterTheLastRelayedIsRelayedAtOnce() {
        signals.signal(TYPING, now());
        clock.advance(TypingSignals.REFRESH);

        assertThat(signals.signal(TYPING, now())).isEqualTo(TYPING);
    }

    @Test
    void stoppingIsRelayedAtOnceAndNothingHeldFollowsIt() {
        signals.signal(TYPING, now());
        signals.signal(TYPING, now());

        assertThat(signals.signal(STOPPED, now())).isEqualTo(STOPPED);
        clock.advance(TypingSignals.REFRESH);
        assertThat(signals.due(now())).isEmpty();
    }

    @Test
    void signalThatShowsTheTypistOtherwiseIsRelayedAtOnce() {
        signals.signal(TYPING, now());
        TypingSignalled crowded = new TypingSignalled("c", ALICE, true, true);

        assertThat(signals.signal(crowded, now())).isEqualTo(crowded);
    }

    @Test
    void nothingHeldOfADisconnectedTypistIsRelayed() {
        signals.signal(TYPING, now());
        signals.signal(TYPING, now());

        signals.drop(ALICE.id());
        clock.advance(TypingSignals.REFRESH);

        assertThat(signals.due(now())).isEmpty();
    }

    /**
     * Held signals are relayed at most a second after they were made, so another node, which hears only
     * the relayed ones, keeps a typist who signals every tick for two and a half seconds six seconds
     * after their last signal at least, and a second longer at most.
     */
    @Test
    void anotherNodeKeepsATypistSixSecondsAfterTheirLastSignalAtLeast() {
        TypingBoard elsewhere = new TypingBoard();
        Instant lastSignal = now();
        Instant start = now();
        while (now().isBefore(start.plusMillis(2_500))) {
            lastSignal = now();
            relay(signals.signal(TYPING, lastSignal), elsewhere);
            clock.advance(Typing.TICK);
            signals.due(now()).forEach(due -> relay(due, elsewhere));
            elsewhere.tick(now());
        }

        while (now().isBefore(lastSignal.plus(TypingBoard.EXPIRY))) {
            assertThat(elsewhere.now("c").typists()).containsExactly(ALICE);
            clock.advance(Typing.TICK);
            signals.due(now()).forEach(due -> relay(due, elsewhere));
            elsewhere.tick(now());
        }
        clock.advance(TypingSignals.REFRESH.plus(Typing.TICK));
        elsewhere.tick(now());
        assertThat(elsewhere.now("c").typists()).isEmpty();
    }

    private void relay(TypingSignalled signal, TypingBoard board) {
        if (signal != null) {
            board.signal(signal.conversationId(), signal.typist(), signal.typing(), signal.crowded(), now());
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
