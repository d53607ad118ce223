package io.chatql.typing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.AdjustableClock;
import io.chatql.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    void changesWithinTheCoalescingTimeAreToldTogetherWhenItIsUp() {
        board.signal("c", ALICE, true, false, now());
        Instant toldAt = now();
        clock.advance(Duration.ofMillis(20));
        assertThat(board.signal("c", BOB, true, false, now())).isEmpty();
        clock.advance(Duration.ofMillis(20));
        assertThat(board.signal("c", ALICE, false, false, now())).isEmpty();
        assertThat(board.takeDue()).containsExactly(new TypingBoard.Due("c", toldAt.plus(TypingBoard.COALESCING)));
        clock.advance(TypingBoard.COALESCING.minusMillis(41));
        assertThat(board.flush("c", now())).isEmpty();

        clock.advance(Duration.ofMillis(1));

        assertThat(board.flush("c", now())).containsExactly(new TypingChanged("c", List.of(BOB), false));
        assertThat(board.takeDue()).isEmpty();
    }

    /**
     * The members of a conversation whose typists are named are shown the list as it is within the
     * coalescing time, 50 ms, however often it changes, when the board's owner flushes each waiting
     * change when it is due: which leaves 100 ms of the 150 ms that a change may take to reach them.
     */
    @Test
    void namedTypistsAreShownWithinTheCoalescingTimeOfEachChange() {
        List<User> shown = List.of();
        Instant staleSince = null;
        Duration longestStale = Duration.ZERO;
        List<TypingBoard.Due> waiting = new ArrayList<>();
        for (int step = 0; step < 1_000; step++) {
            List<TypingChanged> told = new ArrayList<>();
            if (step % 6 == 0) {
                int change = step / 6;
                told.addAll(board.signal("c", change % 2 == 0 ? ALICE : BOB, change % 4 < 2, false, now()));
            }
            waiting.addAll(board.takeDue());
            for (TypingBoard.Due due : List.copyOf(waiting)) {
                if (!due.at().isAfter(now())) {
                    waiting.remove(due);
                    told.addAll(board.flush(due.conversationId(), now()));
                }
            }
            for (TypingChanged change : told) {
                shown = change.typists();
            }
            if (shown.equals(board.now("c").typists())) {
                staleSince = null;
            } else if (staleSince == null) {
                staleSince = now();
            } else if (Duration.between(staleSince, now()).compareTo(longestStale) > 0) {
                longestStale = Duration.between(staleSince, now());
            }
            clock.advance(Duration.ofMillis(5));
        }

        assertThat(TypingBoard.COALESCING).isLessThanOrEqualTo(Duration.ofMillis(50));
        assertThat(longestStale).isPositive().isLessThanOrEqualTo(TypingBoard.COALESCING);
    }

    @Test
    void aBurstIsToldOnceEachCoalescingTimeAtMost() {
        assertThat(toldOfABurst(false))
                .isLessThanOrEqualTo(1 + (int) Duration.ofSeconds(5).dividedBy(TypingBoard.COALESCING));
    }

    @Test
    void aBurstInACrowdedConversationIsToldOnceASecondAtMost() {
        assertThat(TypingBoard.CROWDED_COALESCING).isEqualTo(Duration.ofSeconds(1));
        assertThat(toldOfABurst(true)).isBetween(4, 5);
    }

    @Test
    void changeUndoneBeforeItIsToldIsNotTold() {
        board.signal("c", ALICE, true, false, now());
        clock.advance(Duration.ofMillis(25));
        board.signal("c", BOB, true, false, now());
        board.signal("c", BOB, false, false, now());
        clock.advance(TypingBoard.COALESCING);

        assertThat(board.flush("c", now())).isEmpty();
    }

    @Test
    void conversationsAreToldApart() {
        board.signal("c", ALICE, true, false, now());

        assertThat(board.signal("d", BOB, true, true, now()))
                .containsExactly(new TypingChanged("d", List.of(BOB), true));
        assertThat(board.now("c").typists()).containsExactly(ALICE);
    }

    /** How many changes are told of typists starting and stopping in turn every 10 ms for 5 seconds. */
    private int toldOfABurst(boolean crowded) {
        int told = 0;
        Instant start = now();
        for (int step = 0; now().isBefore(start.plusSeconds(5)); step++) {
            User typist = step % 2 == 0 ? ALICE : BOB;
            told += board.signal("c", typist, true, crowded, now()).size();
            told += board.signal("c", typist, false, crowded, now()).size();
            told += board.flush("c", now()).size();
            clock.advance(Duration.ofMillis(10));
        }
        return told;
    }

    private Instant now() {
        return clock.instant();
    }
}
