package io.chatql.typing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.AdjustableClock;
import io.chatql.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypingBoardTests {

    private static final User ALICE = new User("alice-id", "alice", true);

    private static final User BOB = new User("bob-id", "bob", true);

    private final AdjustableClock clock = new AdjustableClock();

    private final TypingBoard board = new TypingBoard();

    @Test
    void firstSignalIsToldAtOnce() {
        assertThat(board.signal("c", ALICE, true, false, now()))
                .containsExactly(new TypingChanged("c", List.of(ALICE), false));
    }

    @Test
    void typistIsDroppedSixSecondsAfterTheirLastSignal() {
        board.signal("c", ALICE, true, false, now());
        clock.advance(Duration.ofSeconds(3));
        board.signal("c", ALICE, true, false, now());
        clock.advance(TypingBoard.EXPIRY.minusMillis(1));
        assertThat(board.tick(now())).isEmpty();

        clock.advance(Duration.ofMillis(1));

        assertThat(board.tick(now())).containsExactly(new TypingChanged("c", List.of(), false));
        assertThat(board.now("c").typists()).isEmpty();
    }

    @Test
    void typistWhoStopsIsDroppedAtOnce() {
        board.signal("c", ALICE, true, false, now());
        clock.advance(TypingBoard.COALESCING);

        assertThat(board.signal("c", ALICE, false, false, now()))
                .containsExactly(new TypingChanged("c", List.of(), false));
    }

    @Test
    void disconnectedTypistIsDroppedEverywhere() {
        board.signal("c", ALICE, true, false, now());
        board.signal("d", ALICE, true, false, now());
        clock.advance(TypingBoard.COALESCING);

        assertThat(board.drop(ALICE.id(), now()))
                .containsExactlyInAnyOrder(
                        new TypingChanged("c", List.of(), false), new TypingChanged("d", List.of(), false));
    }

    @Test
    void eachChangeTellsTheWholeListInTheOrderTypistsStarted() {
        board.signal("c", ALICE, true, false, now());
        clock.advance(TypingBoard.COALESCING);

        assertThat(board.signal("c", BOB, true, false, now()))
                .containsExactly(new TypingChanged("c", List.of(ALICE, BOB), false));
        clock.advance(TypingBoard.COALESCING);
        assertThat(board.signal("c", ALICE, true, false, now())).isEmpty();
    }

    @Test
    void changesWithinHalfASecondAreToldTogetherWhenItIsUp() {
        board.signal("c", ALICE, true, false, now());
        clock.advance(Duration.ofMillis(100));
        assertThat(board.signal("c", BOB, true, false, now())).isEmpty();
        clock.advance(Duration.ofMillis(100));
        assertThat(board.signal("c", ALICE, false, false, now())).isEmpty();
        clock.advance(Duration.ofMillis(200));
        assertThat(board.tick(now())).isEmpty();

        clock.advance(Duration.ofMillis(100));

        assertThat(board.tick(now())).containsExactly(new TypingChanged("c", List.of(BOB), false));
    }

    @Test
    void aBurstIsToldTwiceASecondAtMost() {
        int told = 0;
        Instant start = now();
        while (now().isBefore(start.plusSeconds(5))) {
            User typist = told % 2 == 0 ? ALICE : BOB;
            told += board.signal("c", typist, true, false, now()).size();
            told += board.signal("c", typist, false, false, now()).size();
            told += board.tick(now()).size();
            clock.advance(Duration.ofMillis(50));
        }

        assertThat(told).isLessThanOrEqualTo(10);
    }

    @Test
    void changeUndoneBeforeItIsToldIsNotTold() {
        board.signal("c", ALICE, true, false, now());
        clock.advance(Duration.ofMillis(100));
        board.signal("c", BOB, true, false, now());
        board.signal("c", BOB, false, false, now());
        clock.advance(TypingBoard.COALESCING);

        assertThat(board.tick(now())).isEmpty();
    }

    @Test
    void conversationsAreToldApart() {
        board.signal("c", ALICE, true, false, now());

        assertThat(board.signal("d", BOB, true, true, now()))
                .containsExactly(new TypingChanged("d", List.of(BOB), true));
        assertThat(board.now("c").typists()).containsExactly(ALICE);
    }

    private Instant now() {
        return clock.instant();
    }
}
